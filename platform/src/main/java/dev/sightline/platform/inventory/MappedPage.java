package dev.sightline.platform.inventory;

import java.util.List;

/** A page of raw records after mapping: what can be stored and what was rejected. */
public record MappedPage(
    int fetched, List<AssetRow> assets, List<FindingRow> findings, List<Rejection> rejections) {}
