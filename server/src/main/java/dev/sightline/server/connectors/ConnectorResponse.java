package dev.sightline.server.connectors;

import dev.sightline.platform.connectors.ConnectorView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A connector as the API shows it. {@code auth}: the connector type's own config fields by name
 * (they differ per type, hence a map), every secret already replaced by the platform's mask. {@code
 * draft}: saved without a passing connection test, so never scheduled.
 */
record ConnectorResponse(
    UUID id,
    String type,
    String name,
    String description,
    String vendorProductName,
    String sourceName,
    String dataToSync,
    Map<String, String> auth,
    Map<String, List<String>> filters,
    String state,
    Instant createdAt,
    Instant updatedAt,
    boolean draft) {

  static ConnectorResponse from(ConnectorView c) {
    return new ConnectorResponse(
        c.id(),
        c.type(),
        c.name(),
        c.description(),
        c.vendorProductName(),
        c.sourceName(),
        c.dataToSync(),
        c.auth(),
        c.filters(),
        c.state(),
        c.createdAt(),
        c.updatedAt(),
        c.draft());
  }
}
