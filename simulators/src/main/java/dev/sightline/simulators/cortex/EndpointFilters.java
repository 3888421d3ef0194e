package dev.sightline.simulators.cortex;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code get_endpoint} filters: {@code {"field","operator","value"}} objects, ANDed. Fields,
 * operators and value types follow the "Get Endpoint" page; anything else is a business error
 * (500), as integrators observed for undocumented combinations.
 */
final class EndpointFilters {
  /**
   * One compiled filter; {@code facts} is computed only for filters that need more than the
   * directory.
   */
  interface Filter {
    boolean test(int e, VaSnapshot s, Function<Integer, EndpointFacts> facts);
  }

  static final List<String> FIELDS =
      List.of(
          "endpoint_id_list",
          "endpoint_status",
          "dist_name",
          "first_seen",
          "last_seen",
          "ip_list",
          "group_name",
          "platform",
          "alias",
          "isolate",
          "hostname",
          "public_ip_list",
          "username",
          "scan_status");
  private static final Map<String, Set<String>> ALLOWED_VALUES =
      Map.of(
          "endpoint_status", Set.of("connected", "disconnected", "lost", "uninstalled"),
          "platform", Set.of("windows", "linux", "macos", "android"),
          "isolate", Set.of("isolated", "unisolated"),
          "scan_status",
              Set.of(
                  "none",
                  "pending",
                  "in_progress",
                  "canceled",
                  "aborted",
                  "pending_cancellation",
                  "success",
                  "error"));

  private EndpointFilters() {}

  static List<Filter> compile(JsonNode filters, EndpointDirectory dir) {
    List<Filter> out = new ArrayList<>();
    if (filters == null || filters.isNull() || filters.isMissingNode()) {
      return out;
    }
    if (!filters.isArray()) {
      throw invalid("filters must be a list of {field, operator, value} objects");
    }
    for (JsonNode f : filters) {
      String field = f.path("field").asText("");
      String operator = f.path("operator").asText("").toLowerCase(Locale.ROOT);
      JsonNode value = f.get("value");
      if (!FIELDS.contains(field)) {
        throw invalid("unknown filter field '" + field + "'; the filterable fields are " + FIELDS);
      }
      out.add(filter(field, operator, value, dir));
    }
    return out;
  }

  private static Filter filter(
      String field, String operator, JsonNode value, EndpointDirectory dir) {
    switch (field) {
      case "first_seen", "last_seen" -> {
        if (!operator.equals("gte") && !operator.equals("lte")) {
          throw operatorError(field, operator, "gte or lte");
        }
        if (value == null || !value.isIntegralNumber()) {
          throw invalid(field + " takes an epoch-millisecond integer, got " + value);
        }
        long bound = value.asLong();
        boolean gte = operator.equals("gte");
        boolean first = field.equals("first_seen");
        return (e, s, facts) -> {
          long t = first ? dir.firstSeen(e) : s.lastSeen(e);
          return gte ? t >= bound : t <= bound;
        };
      }
      case "endpoint_status" -> {
        Set<String> wanted =
            operator.equals("eq") ? Set.of(text(field, value)) : strings(field, operator, value);
        checkValues(field, wanted);
        return (e, s, facts) -> wanted.contains(s.status(e).filterValue());
      }
      case "endpoint_id_list" -> {
        Set<String> ids = strings(field, operator, value);
        return (e, s, facts) -> ids.contains(dir.endpointId(e));
      }
      case "hostname" -> {
        Set<String> names = lowerCase(strings(field, operator, value));
        return (e, s, facts) -> names.contains(dir.endpointName(e).toLowerCase(Locale.ROOT));
      }
      case "platform" -> {
        Set<String> platforms = strings(field, operator, value);
        checkValues(field, platforms);
        return (e, s, facts) -> platforms.contains(CortexRendering.platform(dir.family(e)));
      }
      default -> {
        return factFilter(field, strings(field, operator, value));
      }
    }
  }

  private static Filter factFilter(String field, Set<String> wanted) {
    checkValues(field, wanted);
    Set<String> lower = lowerCase(wanted);
    return switch (field) {
      case "dist_name" -> (e, s, facts) -> wanted.contains(facts.apply(e).installationPackage());
      case "ip_list" -> (e, s, facts) -> facts.apply(e).ip().stream().anyMatch(wanted::contains);
      case "group_name" ->
          (e, s, facts) -> facts.apply(e).groupNames().stream().anyMatch(wanted::contains);
      case "alias" -> (e, s, facts) -> wanted.contains(facts.apply(e).alias());
      case "isolate" ->
          (e, s, facts) -> wanted.contains(facts.apply(e).isolated() ? "isolated" : "unisolated");
      case "public_ip_list" -> (e, s, facts) -> wanted.contains(facts.apply(e).publicIp());
      case "username" ->
          (e, s, facts) ->
              facts.apply(e).users().stream()
                  .anyMatch(u -> lower.contains(u.toLowerCase(Locale.ROOT)));
      default ->
          (e, s, facts) ->
              wanted.contains(
                  facts
                      .apply(e)
                      .scanStatus()
                      .substring("SCAN_STATUS_".length())
                      .toLowerCase(Locale.ROOT));
    };
  }

  private static Set<String> strings(String field, String operator, JsonNode value) {
    if (!operator.equals("in")) {
      throw operatorError(field, operator, field.equals("endpoint_status") ? "in or eq" : "in");
    }
    if (value == null || !value.isArray()) {
      throw invalid(field + " with operator in takes a list of strings, got " + value);
    }
    Set<String> out = new HashSet<>();
    for (JsonNode v : value) {
      if (!v.isTextual()) {
        throw invalid(field + " values must be strings, got " + v);
      }
      out.add(v.asText());
    }
    return out;
  }

  private static String text(String field, JsonNode value) {
    if (value == null || !value.isTextual()) {
      throw invalid(field + " with operator eq takes a string, got " + value);
    }
    return value.asText();
  }

  private static void checkValues(String field, Set<String> values) {
    Set<String> allowed = ALLOWED_VALUES.get(field);
    if (allowed != null && !allowed.containsAll(values)) {
      throw invalid(
          "invalid " + field + " value in " + values + "; allowed: " + allowed + " (lower case)");
    }
  }

  private static Set<String> lowerCase(Set<String> values) {
    Set<String> out = new HashSet<>();
    values.forEach(v -> out.add(v.toLowerCase(Locale.ROOT)));
    return out;
  }

  private static InvalidRequestData operatorError(String field, String operator, String expected) {
    return invalid(
        "operator '" + operator + "' is not supported for " + field + "; use " + expected);
  }

  private static InvalidRequestData invalid(String detail) {
    return new InvalidRequestData("invalid filter", detail);
  }
}
