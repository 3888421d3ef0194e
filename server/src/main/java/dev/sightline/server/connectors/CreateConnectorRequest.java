package dev.sightline.server.connectors;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Body of POST /api/v1/connectors (and of POST /api/v1/connectors/test); {@code filters}:
 * source-side filters by name, each a list of values, e.g. {@code
 * {"productTypes":["Server"],"dataProviders":["Falcon Network Scan"]}}. {@code draft}: save without
 * a connection test; {@code connectionTestId}: a passing test of the same settings, instead of
 * testing again.
 */
record CreateConnectorRequest(
    String type,
    String name,
    String description,
    Map<String, String> auth,
    String dataToSync,
    Map<String, List<String>> filters,
    Boolean draft,
    UUID connectionTestId) {}
