package dev.sightline.connector.crowdstrike;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.connector.Checkpoint;
import dev.sightline.connector.ConnectorDescriptor.Capability;
import dev.sightline.connector.ConnectorFactory;
import dev.sightline.connector.RecordKind;
import dev.sightline.connector.StreamReader;
import dev.sightline.connector.StreamSpec;
import dev.sightline.connector.SyncRequest;
import java.time.Instant;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class CrowdStrikeConnectorFactoryTest {

  @Test
  void shouldBeFoundThroughTheServiceLoader() {
    assertThat(
            ServiceLoader.load(ConnectorFactory.class).stream().map(ServiceLoader.Provider::type))
        .contains(CrowdStrikeConnectorFactory.class);
  }

  @Test
  void shouldDescribeTheSeedsConnector() {
    var descriptor = new CrowdStrikeConnectorFactory().descriptor();

    assertThat(descriptor.type()).isEqualTo("crowdstrike");
    assertThat(descriptor.vendor()).isEqualTo("CrowdStrike");
    assertThat(descriptor.vendorProductName()).isEqualTo("CrowdStrike Endpoint Security");
    assertThat(descriptor.sourceName()).isEqualTo("CrowdStrike Spotlight");
    assertThat(descriptor.category()).isEqualTo("EDR");
    assertThat(descriptor.capabilities())
        .containsExactlyInAnyOrder(
            Capability.DELTA, Capability.FINDINGS, Capability.SOURCE_TAGS, Capability.FILTERS);
    assertThat(descriptor.filters())
        .extracting(f -> f.name())
        .containsExactly("productTypes", "dataProviders");
    assertThat(descriptor.filter("productTypes").orElseThrow().allowedValues())
        .containsExactly("Workstation", "Server", "Domain Controller");
    assertThat(descriptor.defaultMaps())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.name()).isEqualTo("Crowdstrike Spotlight Vulnerability Map");
              assertThat(m.resource())
                  .isEqualTo("dev/sightline/connector/crowdstrike/crowdstrike-spotlight-map.json");
            });
    assertThat(descriptor.config().fields())
        .extracting(f -> f.name())
        .containsExactly("url", "clientId", "clientSecret", "memberCid");
    assertThat(descriptor.config().isSecret("clientSecret")).isTrue();
    assertThat(descriptor.config().field("memberCid").orElseThrow().required()).isFalse();
  }

  @Test
  void shouldReadHostsFirstThenVulnerabilities() {
    try (var connector = new Harness().connector()) {
      assertThat(connector.streams(SyncRequest.everything()))
          .containsExactly(
              new StreamSpec("hosts", RecordKind.ASSET, CrowdStrikeStream.HOST_KEY, ""),
              new StreamSpec("vulnerabilities", RecordKind.FINDING, "id", "aid")
                  .withAssetSnapshot(CrowdStrikeStream.HOST_SNAPSHOT));
    }
  }

  @Test
  void shouldReadOnlyHostsWhenAssetsAreAskedFor() {
    SyncRequest assets =
        new SyncRequest(SyncRequest.DataScope.ASSETS, Optional.empty(), false, 100);
    try (var connector = new Harness().connector()) {
      assertThat(connector.streams(assets)).extracting(StreamSpec::name).containsExactly("hosts");
    }
  }

  @Test
  void shouldOpenAFullReadWithoutACheckpointAndADeltaAfterACompleteOne() {
    Harness harness = new Harness();
    StreamSpec hosts = CrowdStrikeStream.HOSTS.spec();
    Checkpoint done =
        CrowdStrikeCursor.full(CrowdStrikeCursor.EPOCH)
            .after(new CrowdStrikeCursor.Position(Instant.parse("2024-01-01T00:00:00Z"), "x"))
            .toCheckpoint("hosts", true);
    try (var connector = harness.connector()) {
      try (StreamReader full = connector.open(hosts, SyncRequest.everything(), Optional.empty());
          StreamReader delta = connector.open(hosts, SyncRequest.everything(), Optional.of(done));
          StreamReader forced =
              connector.open(
                  hosts, SyncRequest.everything().withFullSync(true), Optional.of(done))) {
        assertThat(full.fullSync()).isTrue();
        assertThat(delta.fullSync()).isFalse();
        assertThat(forced.fullSync()).isTrue();
      }
    }
  }
}
