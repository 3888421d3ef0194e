package dev.sightline.platform.connectors;

import java.util.List;
import java.util.Map;

/**
 * A request to register a connector, as received.
 *
 * @param filters source-side filters by name, each a list of values (validated against the
 *     connector type's declared filters); null or empty for none
 * @param schedule when it runs; null for the default (daily from now in the server's zone)
 */
public record NewConnector(
    String type,
    String name,
    String description,
    Map<String, String> auth,
    String dataToSync,
    Map<String, List<String>> filters,
    dev.sightline.platform.schedule.ScheduleInput schedule) {

  public NewConnector {
    auth = auth == null ? Map.of() : Map.copyOf(auth);
    filters =
        filters == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(filters));
  }

  public NewConnector(
      String type, String name, String description, Map<String, String> auth, String dataToSync) {
    this(type, name, description, auth, dataToSync, Map.of());
  }

  /** A request with the default schedule (daily from now). */
  public NewConnector(
      String type,
      String name,
      String description,
      Map<String, String> auth,
      String dataToSync,
      Map<String, List<String>> filters) {
    this(type, name, description, auth, dataToSync, filters, null);
  }
}
