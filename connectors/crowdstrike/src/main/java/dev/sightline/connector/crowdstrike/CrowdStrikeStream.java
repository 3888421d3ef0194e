package dev.sightline.connector.crowdstrike;

import dev.sightline.connector.RecordKind;
import dev.sightline.connector.StreamSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The two streams this connector reads. Both are combined endpoints paged with an {@code after}
 * cursor and sorted by a timestamp, ties broken by {@code id} ascending, which is what lets a
 * reader re-derive its position when the cursor expires.
 */
enum CrowdStrikeStream {
  /**
   * Discover assets with a Falcon sensor; {@code aid} is the sensor id Spotlight findings point at.
   * Unmanaged and unsupported assets have no {@code aid}, the record key, so they are not asked for.
   */
  HOSTS("hosts", RecordKind.ASSET, "aid", "", "/discover/combined/hosts/v1",
      "last_seen_timestamp", CrowdStrikeFql.equalTo("entity_type", "managed"), 1000, List.of(), "Assets: Read"),
  /** Spotlight findings of every status, so closed ones can be marked fixed. */
  VULNERABILITIES("vulnerabilities", RecordKind.FINDING, "id", "aid", "/spotlight/combined/vulnerabilities/v1",
      "updated_timestamp", "", 5000, List.of("cve", "host_info", "remediation"), "Vulnerabilities: Read");

  /** The sort tie-breaker of both endpoints. */
  static final String TIE_FIELD = "id";

  private final StreamSpec spec;
  private final String path;
  private final String timestampField;
  private final String scopeFilter;
  private final int maxLimit;
  private final List<String> facets;
  private final String scope;

  CrowdStrikeStream(String name, RecordKind kind, String recordKey, String assetKey, String path,
      String timestampField, String scopeFilter, int maxLimit, List<String> facets, String scope) {
    this.spec = new StreamSpec(name, kind, recordKey, assetKey);
    this.path = path;
    this.timestampField = timestampField;
    this.scopeFilter = scopeFilter;
    this.maxLimit = maxLimit;
    this.facets = facets;
    this.scope = scope;
  }

  StreamSpec spec() {
    return spec;
  }

  String path() {
    return path;
  }

  String timestampField() {
    return timestampField;
  }

  /** Facets, re-sent on every page: without them later pages lose their blocks (falconpy#1004). */
  List<String> facets() {
    return facets;
  }

  /** The console label of the scope the endpoint needs. */
  String scope() {
    return scope;
  }

  int limit(int pageSize) {
    return Math.max(1, Math.min(pageSize, maxLimit));
  }

  /** Records at or after {@code from}; the timestamp clause comes first, as a position does. */
  String filterFrom(Instant from) {
    return CrowdStrikeFql.and(CrowdStrikeFql.atOrAfter(timestampField, from), scopeFilter);
  }

  String sort() {
    return timestampField + "|asc";
  }

  static CrowdStrikeStream of(StreamSpec spec) {
    return Arrays.stream(values())
        .filter(s -> s.spec.equals(spec))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a CrowdStrike stream: " + spec.name()));
  }

  static CrowdStrikeStream named(String name) {
    return Arrays.stream(values())
        .filter(s -> s.spec.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a CrowdStrike stream: " + name));
  }
}
