package dev.sightline.connector.cortex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.connector.ConnectorDescriptor.Capability;
import dev.sightline.connector.ConnectorFactory;
import dev.sightline.connector.RecordKind;
import dev.sightline.connector.StreamSpec;
import dev.sightline.connector.SyncRequest;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class CortexXdrConnectorFactoryTest {

  @Test
  void shouldBeFoundThroughTheServiceLoader() {
    assertThat(
            ServiceLoader.load(ConnectorFactory.class).stream().map(ServiceLoader.Provider::type))
        .contains(CortexXdrConnectorFactory.class);
  }

  @Test
  void shouldDescribeTheSeedsConnector() {
    var descriptor = new CortexXdrConnectorFactory().descriptor();

    assertThat(descriptor.type()).isEqualTo("cortex-xdr");
    assertThat(descriptor.vendor()).isEqualTo("Palo Alto Networks");
    assertThat(descriptor.vendorProductName()).isEqualTo("Cortex XDR");
    assertThat(descriptor.sourceName()).isEqualTo("Palo Alto Networks");
    assertThat(descriptor.category()).isEqualTo("Endpoint Security");
    assertThat(descriptor.capabilities())
        .containsExactlyInAnyOrder(Capability.FINDINGS, Capability.DELTA);
    assertThat(descriptor.defaultMaps())
        .extracting(m -> m.name() + " @ " + m.resource())
        .containsExactly(
            "Cortex XDR Asset Transform Map @ dev/sightline/connector/cortex/cortex-xdr-asset-map.json",
            "Cortex XDR Vulnerability Transform Map @ dev/sightline/connector/cortex/cortex-xdr-vulnerability-map.json");
    assertThat(descriptor.config().fields())
        .extracting(f -> f.name())
        .containsExactly("url", "apiKey", "apiKeyId", "securityLevel", "deltaOnLastSeen");
    assertThat(descriptor.config().fields())
        .filteredOn(f -> f.secret())
        .extracting(f -> f.name())
        .containsExactly("apiKey");
    assertThat(descriptor.config().field("securityLevel").orElseThrow().defaultValue())
        .contains("standard");
    assertThat(descriptor.config().field("deltaOnLastSeen").orElseThrow().defaultValue())
        .contains("false");
  }

  @Test
  void shouldReadEndpointsFirstThenVulnerabilitiesAsElementsOfEachEndpoint() {
    try (var connector = new Harness().connector()) {
      assertThat(connector.streams(SyncRequest.everything()))
          .containsExactly(
              new StreamSpec("endpoints", RecordKind.ASSET, "endpoint_id", ""),
              new StreamSpec(
                      "vulnerabilities",
                      RecordKind.FINDING,
                      "endpoint_id",
                      "endpoint_id",
                      Optional.of(new StreamSpec.Elements("cves", "name")))
                  .withAssetSnapshot("@"));
    }
  }

  @Test
  void shouldReadOnlyEndpointsWhenAssetsAreAskedFor() {
    SyncRequest assets =
        new SyncRequest(SyncRequest.DataScope.ASSETS, Optional.empty(), false, 100);
    try (var connector = new Harness().connector()) {
      assertThat(connector.streams(assets))
          .extracting(StreamSpec::name)
          .containsExactly("endpoints");
    }
  }
}
