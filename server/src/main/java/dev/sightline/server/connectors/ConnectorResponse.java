package dev.sightline.server.connectors;

import dev.sightline.platform.connectors.ConnectorView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A connector as the API shows it. {@code auth}: the connector type's own config fields by name
 * (they differ per type, hence a map), every secret already replaced by the platform's mask. {@code
 * fetchFrom}, {@code sampling}, {@code staleAfterDays}, {@code purgeStaleAfterDays} (null: stale
 * assets are kept): what its runs fetch and how long its assets count as current.
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
    Instant fetchFrom,
    boolean sampling,
    int staleAfterDays,
    Integer purgeStaleAfterDays) {

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
        c.scope().fetchFrom(),
        c.scope().sampling(),
        c.scope().staleAfterDays(),
        c.scope().purgeStaleAfterDays());
  }
}
