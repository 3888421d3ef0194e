package dev.sightline.platform.connectors;

import dev.sightline.connector.SourceFilters;
import dev.sightline.connector.SyncRequest.DataScope;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A connector as stored: non-secret settings in clear, secrets sealed.
 *
 * @param scope the fetch-from date, sampling and asset retention ({@link ConnectorScope})
 * @param draft saved without a passing connection test: never scheduled until a test promotes it
 * @param useProxy its vendor calls go through the operator's outbound proxy, when one is set
 */
public record StoredConnector(
    UUID id,
    String type,
    String name,
    String description,
    Map<String, String> settings,
    byte[] sealedSecrets,
    DataScope dataScope,
    SourceFilters filters,
    ConnectorState state,
    Instant createdAt,
    Instant updatedAt,
    java.util.Optional<dev.sightline.platform.schedule.Schedule> schedule,
    ConnectorScope scope,
    boolean draft,
    boolean useProxy) {

  public StoredConnector {
    settings = Map.copyOf(settings);
    Objects.requireNonNull(scope, "scope");
  }
}
