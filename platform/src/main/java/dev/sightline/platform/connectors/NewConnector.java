package dev.sightline.platform.connectors;

import java.util.List;
import java.util.Map;

/**
 * A request to register a connector, as received.
 *
 * @param filters source-side filters by name, each a list of values (validated against the
 *     connector type's declared filters); null or empty for none
 * @param schedule when it runs; null for the default (daily from now in the server's zone)
 * @param scope the fetch-from date, sampling and asset retention as received; null for defaults
 * @param useProxy whether its vendor calls go through the operator's outbound proxy (when one is
 *     set); true unless the vendor is reached directly
 */
public record NewConnector(
    String type,
    String name,
    String description,
    Map<String, String> auth,
    String dataToSync,
    Map<String, List<String>> filters,
    dev.sightline.platform.schedule.ScheduleInput schedule,
    ConnectorScope.Request scope,
    boolean useProxy) {

  public NewConnector {
    auth = auth == null ? Map.of() : Map.copyOf(auth);
    scope = scope == null ? ConnectorScope.Request.defaults() : scope;
    filters =
        filters == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(filters));
  }

  /** A request whose vendor calls go through the proxy, when one is set. */
  public NewConnector(
      String type,
      String name,
      String description,
      Map<String, String> auth,
      String dataToSync,
      Map<String, List<String>> filters,
      dev.sightline.platform.schedule.ScheduleInput schedule,
      ConnectorScope.Request scope) {
    this(type, name, description, auth, dataToSync, filters, schedule, scope, true);
  }

  public NewConnector(
      String type, String name, String description, Map<String, String> auth, String dataToSync) {
    this(type, name, description, auth, dataToSync, Map.of());
  }

  /** A request with the default schedule (daily from now) and scope. */
  public NewConnector(
      String type,
      String name,
      String description,
      Map<String, String> auth,
      String dataToSync,
      Map<String, List<String>> filters) {
    this(type, name, description, auth, dataToSync, filters, null, null);
  }

  /** A request with the default scope (everything, no sampling, 30-day retention). */
  public NewConnector(
      String type,
      String name,
      String description,
      Map<String, String> auth,
      String dataToSync,
      Map<String, List<String>> filters,
      dev.sightline.platform.schedule.ScheduleInput schedule) {
    this(type, name, description, auth, dataToSync, filters, schedule, null);
  }
}
