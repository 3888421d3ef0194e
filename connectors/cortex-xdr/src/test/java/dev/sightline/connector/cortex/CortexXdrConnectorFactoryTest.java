package dev.sightline.connector.cortex;

import static org.assertj.core.api.Assertions.assertThat;

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
  void shouldShipEveryDefaultMapItNames() {
    var descriptor = new CortexXdrConnectorFactory().descriptor();

    assertThat(descriptor.defaultMaps())
        .isNotEmpty()
        .allSatisfy(
            m ->
                assertThat(getClass().getClassLoader().getResource(m.resource()))
                    .as(m.resource())
                    .isNotNull());
  }

  @Test
  void shouldHaveTheTargetPolicyGuardItsUrlAndNeverShowItsKey() {
    var config = new CortexXdrConnectorFactory().descriptor().config();

    assertThat(config.fields())
        .filteredOn(f -> f.vendorUrl())
        .extracting(f -> f.name())
        .containsExactly("url");
    assertThat(config.fields())
        .filteredOn(f -> f.secret())
        .extracting(f -> f.name())
        .containsExactly("apiKey");
    assertThat(
            config.validate(java.util.Map.of("url", "https://api-x.xdr.us.paloaltonetworks.com")))
        .extracting(p -> p.field())
        .containsExactlyInAnyOrder("apiKey", "apiKeyId");
  }

  @Test
  void shouldGiveEverySeverityWordTheSimulatedTenantSendsASeverity() {
    var meaning = new CortexXdrConnectorFactory().descriptor().meaning();

    // va_cves spells severities in upper case, INFORMATIONAL to CRITICAL (vendor notes).
    for (String word :
        new String[] {"INFORMATIONAL", "NONE", "LOW", "MEDIUM", "HIGH", "CRITICAL"}) {
      assertThat(meaning.severityWords()).as(word).containsKey(word);
    }
    assertThat(meaning.severityWords().get("CRITICAL")).isEqualTo(5);
    assertThat(meaning.severityWords().get("INFORMATIONAL")).isEqualTo(1);
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
