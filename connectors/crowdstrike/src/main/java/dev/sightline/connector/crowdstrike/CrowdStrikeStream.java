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
   * Every Discover asset: managed ones (with a Falcon sensor) and the unmanaged and unsupported
   * ones Falcon network scans, Active Directory and other data providers found. A managed asset is
   * keyed by its sensor id ({@code aid}), an unmanaged one by its Discover {@code id}: each is what
   * Spotlight findings carry as their {@code aid} (vendor notes §7 item 14). A record that says
   * neither (a managed host without its {@code aid}, a record without its {@code entity_type}) has
   * no key, so it is rejected rather than stored under an id its findings never name.
   */
  HOSTS(
      "hosts",
      new StreamSpec("hosts", RecordKind.ASSET, CrowdStrikeStream.HOST_KEY, ""),
      "/discover/combined/hosts/v1",
      "last_seen_timestamp",
      1000,
      List.of(),
      "Assets: Read",
      CrowdStrikeSourceFilters.Field.DISCOVER),
  /**
   * Spotlight findings of every status, so closed ones can be marked fixed. Each carries its host's
   * details ({@code host_info}); a finding whose host the hosts stream did not return gets its
   * asset from them, shaped as a Discover record.
   */
  VULNERABILITIES(
      "vulnerabilities",
      new StreamSpec("vulnerabilities", RecordKind.FINDING, "id", "aid")
          .withAssetSnapshot(CrowdStrikeStream.HOST_SNAPSHOT),
      "/spotlight/combined/vulnerabilities/v1",
      "updated_timestamp",
      5000,
      List.of("cve", "host_info", "remediation"),
      "Vulnerabilities: Read",
      CrowdStrikeSourceFilters.Field.SPOTLIGHT);

  /**
   * A Spotlight finding's {@code host_info} as a Discover host record, so the connector's one asset
   * map maps it; {@code managed_by} tells a sensor's host from an unmanaged one.
   */
  static final String HOST_KEY =
      "aid || (contains(['unmanaged', 'unsupported'], entity_type) && id || `null`)";

  static final String HOST_SNAPSHOT =
      "host_info && {aid: aid, hostname: host_info.hostname,"
          + " machine_domain: host_info.machine_domain, os_version: host_info.os_version,"
          + " platform_name: host_info.platform, product_type_desc: host_info.product_type_desc,"
          + " network_interfaces: [{local_ip: host_info.local_ip}],"
          + " cloud_instance_id: host_info.instance_id, cloud_provider: host_info.service_provider,"
          + " tags: host_info.tags, data_providers: data_providers[].provider,"
          + " entity_type: (host_info.managed_by == 'Unmanaged' && 'unmanaged')"
          + " || (host_info.managed_by == 'Falcon sensor' && 'managed') || `null`}";

  /** The sort tie-breaker of both endpoints. */
  static final String TIE_FIELD = "id";

  private final StreamSpec spec;
  private final String path;
  private final String timestampField;
  private final CrowdStrikeSourceFilters.Field filterFields;
  private final int maxLimit;
  private final List<String> facets;
  private final String scope;

  CrowdStrikeStream(
      String name,
      StreamSpec spec,
      String path,
      String timestampField,
      int maxLimit,
      List<String> facets,
      String scope,
      CrowdStrikeSourceFilters.Field filterFields) {
    this.spec = spec;
    this.path = path;
    this.timestampField = timestampField;
    this.filterFields = filterFields;
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

  /**
   * Records at or after {@code from} that pass the user's source filters; the timestamp clause
   * comes first, as a position does.
   */
  String filterFrom(Instant from, CrowdStrikeSourceFilters filters) {
    return CrowdStrikeFql.and(
        CrowdStrikeFql.atOrAfter(timestampField, from), filters.fql(filterFields));
  }

  String sort() {
    return timestampField + "|asc";
  }

  static CrowdStrikeStream of(StreamSpec spec) {
    return Arrays.stream(values())
        .filter(s -> s.spec.equals(spec))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("not a CrowdStrike stream: " + spec.name()));
  }

  static CrowdStrikeStream named(String name) {
    return Arrays.stream(values())
        .filter(s -> s.spec.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a CrowdStrike stream: " + name));
  }
}
