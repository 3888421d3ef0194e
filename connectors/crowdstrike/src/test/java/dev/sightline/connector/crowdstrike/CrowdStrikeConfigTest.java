package dev.sightline.connector.crowdstrike;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.connector.ConnectorConfig;
import dev.sightline.connector.PermanentException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrowdStrikeConfigTest {

  @ParameterizedTest
  @CsvSource({
    "us-1, https://api.crowdstrike.com",
    "US-2, https://api.us-2.crowdstrike.com",
    "eu-1, https://api.eu-1.crowdstrike.com",
    "us-gov-1, https://api.laggar.gcw.crowdstrike.com",
    "us_gov_2, https://api.us-gov-2.crowdstrike.mil",
    "us-3, https://api.us-3.crowdstrike.com",
  })
  void shouldResolveRegionNamesToTheDocumentedHosts(String region, String expected) {
    assertThat(CrowdStrikeConfig.resolveBaseUrl(region)).isEqualTo(URI.create(expected));
  }

  @ParameterizedTest
  @CsvSource({
    "https://api.us-2.crowdstrike.com, https://api.us-2.crowdstrike.com",
    "https://api.us-2.crowdstrike.com/, https://api.us-2.crowdstrike.com",
    "api.eu-1.crowdstrike.com, https://api.eu-1.crowdstrike.com",
    "https://API.EU-1.crowdstrike.com/oauth2/token, https://api.eu-1.crowdstrike.com",
    "https://127.0.0.1:18443, https://127.0.0.1:18443",
    "https://proxy.example.com/falcon/, https://proxy.example.com/falcon",
  })
  void shouldAcceptAnyHttpsUrlAndCutItBackToTheBase(String raw, String expected) {
    assertThat(CrowdStrikeConfig.resolveBaseUrl(raw)).isEqualTo(URI.create(expected));
  }

  @Test
  void shouldRefuseAPlainHttpUrlBecauseTheSecretWouldTravelInClear() {
    assertThatThrownBy(() -> CrowdStrikeConfig.resolveBaseUrl("http://api.crowdstrike.com"))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("does not use https")
        .hasMessageContaining("To fix: start the Url with https://");
  }

  @Test
  void shouldRefuseCredentialsInTheUrlWithoutRepeatingThem() {
    assertThatThrownBy(
            () -> CrowdStrikeConfig.resolveBaseUrl("https://user:hunter2@api.crowdstrike.com"))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("must not carry a user name or password")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void shouldRefuseAQueryString() {
    assertThatThrownBy(
            () -> CrowdStrikeConfig.resolveBaseUrl("https://api.crowdstrike.com/?token=abc"))
        .isInstanceOf(PermanentException.class)
        .hasMessageNotContaining("token=abc");
  }

  @Test
  void shouldBindTheConnectorSettingsAndKeepTheSecretOutOfToString() {
    CrowdStrikeConfig config =
        CrowdStrikeConfig.from(
            new ConnectorConfig(
                Map.of(
                    "url",
                    "us-2",
                    "clientId",
                    " client-1 ",
                    "clientSecret",
                    "s3cr3t",
                    "memberCid",
                    "child-cid")));

    assertThat(config.baseUrl()).isEqualTo(URI.create("https://api.us-2.crowdstrike.com"));
    assertThat(config.clientId()).isEqualTo("client-1");
    assertThat(config.member()).contains("child-cid");
    assertThat(config.port()).isEqualTo(443);
    assertThat(config.toString()).doesNotContain("s3cr3t");
  }

  @Test
  void shouldTreatAMissingMemberCidAsNone() {
    CrowdStrikeConfig config =
        CrowdStrikeConfig.from(
            new ConnectorConfig(Map.of("url", "us-1", "clientId", "c", "clientSecret", "s")));

    assertThat(config.member()).isEmpty();
  }

  @Test
  void shouldExplainAMissingClientId() {
    assertThatThrownBy(
            () ->
                CrowdStrikeConfig.from(
                    new ConnectorConfig(Map.of("url", "us-1", "clientSecret", "s"))))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("clientId");
  }
}
