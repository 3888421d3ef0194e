package dev.sightline.connector.cortex;

import dev.sightline.connector.RecordKind;
import dev.sightline.connector.StreamSpec;
import java.util.Arrays;
import java.util.Optional;

/**
 * The two streams this connector reads, both in {@code endpoint_id} ascending order: endpoints from
 * {@code get_endpoint}, and vulnerabilities from XQL as one record per endpoint carrying its {@code
 * cves[]} (ADR 0004).
 */
enum CortexXdrStream {
  ENDPOINTS(new StreamSpec("endpoints", RecordKind.ASSET, "endpoint_id", "")),
  /**
   * Each record is the endpoint's {@code get_endpoint} record (or what the XQL rows know of it)
   * with its {@code cves[]}, so the record itself is the host snapshot of an endpoint the endpoints
   * stream did not return.
   */
  VULNERABILITIES(
      new StreamSpec(
              "vulnerabilities",
              RecordKind.FINDING,
              "endpoint_id",
              "endpoint_id",
              Optional.of(new StreamSpec.Elements(CortexXdrEndpointFields.CVES, "name")))
          .withAssetSnapshot("@"));

  private final StreamSpec spec;

  CortexXdrStream(StreamSpec spec) {
    this.spec = spec;
  }

  StreamSpec spec() {
    return spec;
  }

  static CortexXdrStream of(StreamSpec spec) {
    return Arrays.stream(values())
        .filter(s -> s.spec.equals(spec))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a Cortex XDR stream: " + spec.name()));
  }
}
