package dev.sightline.server.connectors;

import java.util.List;
import java.util.Map;

/**
 * Body of POST /api/v1/connectors; {@code filters}: source-side filters by name, each a list of
 * values, e.g. {@code {"productTypes":["Server"],"dataProviders":["Falcon Network Scan"]}}.
 */
record CreateConnectorRequest(
    String type,
    String name,
    String description,
    Map<String, String> auth,
    String dataToSync,
    Map<String, List<String>> filters) {}
