package dev.sightline.connector.cortex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.connector.ConnectorConfig;
import dev.sightline.connector.PermanentException;
import dev.sightline.connector.cortex.CortexXdrConfig.SecurityLevel;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CortexXdrConfigTest {

  private static final String KEY = "the-secret-api-key-value";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://api-acme.xdr.us.paloaltonetworks.com",
        "https://api-acme.xdr.us.paloaltonetworks.com/",
        " https://API-acme.xdr.us.paloaltonetworks.com// ",
        "api-acme.xdr.us.paloaltonetworks.com",
        "https://api-acme.xdr.us.paloaltonetworks.com/public_api/v1/endpoints/get_endpoint/"
      })
  void shouldAcceptTheBaseUrlWithOrWithoutTrailingSlash(String url) {
    assertThat(CortexXdrConfig.resolveBaseUrl(url))
        .isEqualTo(URI.create("https://api-acme.xdr.us.paloaltonetworks.com"));
  }

  @Test
  void shouldKeepAPortAndBuildCallUrlsWithTheTrailingSlash() {
    CortexXdrConfig config = bind(values("https://127.0.0.1:8443/"));

    assertThat(config.hostLabel()).isEqualTo("127.0.0.1:8443");
    assertThat(config.call("endpoints/get_endpoint"))
        .isEqualTo(URI.create("https://127.0.0.1:8443/public_api/v1/endpoints/get_endpoint/"));
  }

  @Test
  void shouldExplainThatTheConsoleHostIsNotTheApiHost() {
    assertThatThrownBy(
            () -> CortexXdrConfig.resolveBaseUrl("https://acme.xdr.us.paloaltonetworks.com"))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("is the console's address")
        .hasMessageContaining("https://api-acme.xdr.us.paloaltonetworks.com");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://api-acme.xdr.us.paloaltonetworks.com",
        "https://user:pw@api-acme.example.com",
        "https://api-acme.example.com/console",
        "https://api-acme.example.com/?x=1",
        "https://"
      })
  void shouldRefuseAnUnusableBaseUrlNamingTheFix(String url) {
    assertThatThrownBy(() -> CortexXdrConfig.resolveBaseUrl(url))
        .isInstanceOf(PermanentException.class)
        .hasMessageStartingWith("The Cortex XDR Base URL cannot be used")
        .hasMessageContaining("To fix:");
  }

  @Test
  void shouldRefuseANonNumericKeyIdWithoutQuotingIt() {
    Map<String, String> values = values("https://api-acme.example.com");
    values.put(CortexXdrConfig.API_KEY_ID, KEY);

    assertThatThrownBy(() -> bind(values))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("API Key ID is not a number")
        .hasMessageContaining("ID column")
        .hasMessageNotContaining(KEY);
  }

  @Test
  void shouldDefaultToAStandardKeyWithoutDelta() {
    CortexXdrConfig config = bind(values("https://api-acme.example.com"));

    assertThat(config.securityLevel()).isEqualTo(SecurityLevel.STANDARD);
    assertThat(config.deltaOnLastSeen()).isFalse();
    assertThat(config.apiKeyId()).isEqualTo("42");
  }

  @Test
  void shouldBindAnAdvancedKeyAndTheDeltaOption() {
    Map<String, String> values = values("https://api-acme.example.com");
    values.put(CortexXdrConfig.SECURITY_LEVEL, "advanced");
    values.put(CortexXdrConfig.DELTA_ON_LAST_SEEN, "true");

    CortexXdrConfig config = bind(values);

    assertThat(config.securityLevel()).isEqualTo(SecurityLevel.ADVANCED);
    assertThat(config.deltaOnLastSeen()).isTrue();
  }

  @Test
  void shouldRefuseAnUnknownSecurityLevel() {
    Map<String, String> values = values("https://api-acme.example.com");
    values.put(CortexXdrConfig.SECURITY_LEVEL, "hmac");

    assertThatThrownBy(() -> bind(values))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("standard or advanced");
  }

  @Test
  void shouldNeverShowTheKey() {
    CortexXdrConfig config = bind(values("https://api-acme.example.com"));

    assertThat(config.toString()).doesNotContain(KEY).contains("apiKey=****");
  }

  @Test
  void shouldValidateTheSeedsFieldsThroughTheDescriptorsSpec() {
    var spec = new CortexXdrConnectorFactory().descriptor().config();

    assertThat(spec.validate(values("https://api-acme.example.com"))).isEmpty();
    assertThat(spec.validate(Map.of()))
        .extracting(p -> p.field())
        .containsExactly("url", "apiKey", "apiKeyId");
    Map<String, String> wrongLevel = values("https://api-acme.example.com");
    wrongLevel.put(CortexXdrConfig.SECURITY_LEVEL, "hashed");
    assertThat(spec.validate(wrongLevel))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("standard, advanced"));
  }

  @Test
  void shouldTakeEightRequestsPerSecondOfTheTenantsTenUnlessConfigured() {
    assertThat(bind(values("https://api-acme.example.com")).requestsPerSecond()).isEqualTo(8);
    Map<String, String> values = values("https://api-acme.example.com");
    values.put(CortexXdrConfig.REQUESTS_PER_SECOND, " 10 ");

    assertThat(bind(values).requestsPerSecond()).isEqualTo(10);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "11", "-1", "7.5", "fast"})
  void shouldRefuseARequestBudgetOutsideTheTenantsLimitNamingTheRange(String raw) {
    Map<String, String> values = values("https://api-acme.example.com");
    values.put(CortexXdrConfig.REQUESTS_PER_SECOND, raw);

    assertThatThrownBy(() -> bind(values))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("'requestsPerSecond' must be a whole number from 1 to 10")
        .hasMessageContaining("10 requests per second per tenant");
    var spec = new CortexXdrConnectorFactory().descriptor().config();
    assertThat(spec.validate(values))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("requestsPerSecond");
              assertThat(p.message()).contains("1, 2, 3, 4, 5, 6, 7, 8, 9, 10");
            });
  }

  @Test
  void shouldDeclareTheRequestBudgetAsAnOptionalChoiceDefaultingToEight() {
    var field =
        new CortexXdrConnectorFactory()
            .descriptor()
            .config()
            .field(CortexXdrConfig.REQUESTS_PER_SECOND)
            .orElseThrow();

    assertThat(field.required()).isFalse();
    assertThat(field.defaultValue()).contains("8");
    assertThat(field.allowedValues()).hasSize(10).startsWith("1").endsWith("10");
  }

  private static Map<String, String> values(String url) {
    Map<String, String> values = new HashMap<>();
    values.put(CortexXdrConfig.URL, url);
    values.put(CortexXdrConfig.API_KEY, KEY);
    values.put(CortexXdrConfig.API_KEY_ID, "42");
    return values;
  }

  private static CortexXdrConfig bind(Map<String, String> values) {
    return CortexXdrConfig.from(new ConnectorConfig(values));
  }
}
