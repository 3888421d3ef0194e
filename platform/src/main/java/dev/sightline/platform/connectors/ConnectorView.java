package dev.sightline.platform.connectors;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A connector as shown to users: secrets replaced by a mask, never readable back.
 *
 * @param scope the fetch-from date, sampling and asset retention ({@link ConnectorScope})
 * @param draft saved without a passing connection test: never scheduled until a test promotes it
 * @param useProxy its vendor calls go through the operator's outbound proxy, when one is set
 */
public record ConnectorView(
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
    java.util.Optional<ScheduleView> schedule,
    ConnectorScope scope,
    boolean draft,
    boolean useProxy) {

  public static final String MASK = "********";
}
