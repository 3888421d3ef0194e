package dev.sightline.platform.connectors;

import dev.sightline.platform.schedule.ScheduleInput;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A change to a stored connector, as received: a field left null keeps its value.
 *
 * @param auth the auth fields to change, by name. A secret left out, blank or sent as the mask
 *     ({@value ConnectorView#MASK}) keeps the stored one; a non-secret sent null or blank clears it
 * @param filters replaces every source-side filter when given
 * @param draft {@code false} promotes a draft once its connection test passes; {@code true} keeps
 *     (or makes) the connector a draft, saved without a test
 * @param connectionTestId a passing test of the settings as they will be after the edit
 * @param confirmTenantChange confirms a change of the vendor address or of a field naming the
 *     tenant, after which the stored records and the new ones come from different tenants
 * @param schedule a new schedule, read as on create (unset parts take their defaults); null keeps
 *     the stored one
 * @param scope the fetch-from date, sampling and retention fields to change, each null to keep
 * @param useProxy whether its vendor calls go through the operator's outbound proxy; null keeps the
 *     stored choice. A change is a change of the connection: tested before it is stored
 */
public record ConnectorEdit(
    String name,
    String description,
    Map<String, String> auth,
    String dataToSync,
    Map<String, List<String>> filters,
    Optional<Boolean> draft,
    Optional<UUID> connectionTestId,
    boolean confirmTenantChange,
    ScheduleInput schedule,
    ConnectorScope.Request scope,
    Boolean useProxy) {

  public ConnectorEdit {
    // A null value is meaningful here (it clears a field), so no Map.copyOf.
    auth = auth == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(auth));
    filters = filters == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(filters));
    Objects.requireNonNull(draft, "draft");
    Objects.requireNonNull(connectionTestId, "connectionTestId");
    scope = scope == null ? ConnectorScope.Request.defaults() : scope;
  }

  /** An edit that leaves the proxy choice as it is. */
  public ConnectorEdit(
      String name,
      String description,
      Map<String, String> auth,
      String dataToSync,
      Map<String, List<String>> filters,
      Optional<Boolean> draft,
      Optional<UUID> connectionTestId,
      boolean confirmTenantChange,
      ScheduleInput schedule,
      ConnectorScope.Request scope) {
    this(
        name,
        description,
        auth,
        dataToSync,
        filters,
        draft,
        connectionTestId,
        confirmTenantChange,
        schedule,
        scope,
        null);
  }

  /** An edit that leaves the schedule and the scope as they are. */
  public ConnectorEdit(
      String name,
      String description,
      Map<String, String> auth,
      String dataToSync,
      Map<String, List<String>> filters,
      Optional<Boolean> draft,
      Optional<UUID> connectionTestId,
      boolean confirmTenantChange) {
    this(
        name,
        description,
        auth,
        dataToSync,
        filters,
        draft,
        connectionTestId,
        confirmTenantChange,
        null,
        null);
  }
}
