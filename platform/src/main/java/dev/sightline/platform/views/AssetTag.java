package dev.sightline.platform.views;

import java.util.UUID;

/**
 * A tag on a logical asset, as one of its sources reported it: the tag, its kind in that source's
 * terms (server, endpoint, sensor, falcon-grouping, …), the source's type and its connector.
 */
public record AssetTag(String tag, String kind, String source, UUID connectorId) {}
