package dev.sightline.server.api;

import java.util.Map;

/** Body of POST /api/v1/connectors. */
record CreateConnectorRequest(
    String type, String name, String description, Map<String, String> auth, String dataToSync) {}
