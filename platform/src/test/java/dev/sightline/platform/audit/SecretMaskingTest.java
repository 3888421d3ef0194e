package dev.sightline.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.platform.connectors.ConnectorView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretMaskingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode masked(String json) throws Exception {
    return JSON.readTree(SecretMasking.mask(json));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "clientSecret",
        "client_secret",
        "CLIENT-SECRET",
        "apiKey",
        "api_key",
        "X-Api-Key",
        "apikey",
        "password",
        "newPassword",
        "passwordHash",
        "passphrase",
        "token",
        "accessToken",
        "refresh_token",
        "SIGHTLINE_ADMIN_TOKEN",
        "tokens",
        "secret",
        "secrets",
        "Authorization",
        "proxyAuthorization",
        "cookie",
        "Set-Cookie",
        "sessionId",
        "JSESSIONID",
        "privateKey",
        "private_key_pem",
        "keyMaterial",
        "masterKey",
        "signingKey",
        "accessKey",
        "key",
        "credentials",
        "tokenHash",
        "salt",
        "clientSecretExpiresAt"
      })
  void shouldTreatTheseNamesAsSecrets(String name) {
    assertThat(SecretMasking.isSecret(name)).as(name).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "apiKeyId",
        "api_key_id",
        "clientId",
        "tokenId",
        "keyId",
        "tokenName",
        "username",
        "name",
        "url",
        "memberCid",
        "securityLevel",
        "recordKey",
        "findingKey",
        "description",
        "auth",
        "expiresAt",
        "lastUsed",
        "criticality",
        "role"
      })
  void shouldLeaveTheseNamesReadable(String name) {
    assertThat(SecretMasking.isSecret(name)).as(name).isFalse();
  }

  @Test
  void shouldMaskSecretsAtAnyDepthAndKeepIdsReadable() throws Exception {
    JsonNode out =
        masked(
            """
            {"name": "Falcon",
             "auth": {"url": "https://api.example", "clientId": "cid-1",
                      "clientSecret": "s3cr3t-value"},
             "history": [{"apiKeyId": "7", "apiKey": "k-123",
                          "nested": {"password": "pw-9", "tokens": [{"tokenId": "t1"}]}}],
             "headers": {"Authorization": "Bearer abc"}}
            """);

    assertThat(out.path("name").asText()).isEqualTo("Falcon");
    assertThat(out.path("auth").path("url").asText()).isEqualTo("https://api.example");
    assertThat(out.path("auth").path("clientId").asText()).isEqualTo("cid-1");
    assertThat(out.path("auth").path("clientSecret").asText()).isEqualTo(ConnectorView.MASK);
    JsonNode item = out.path("history").get(0);
    assertThat(item.path("apiKeyId").asText()).isEqualTo("7");
    assertThat(item.path("apiKey").asText()).isEqualTo(ConnectorView.MASK);
    assertThat(item.path("nested").path("password").asText()).isEqualTo(ConnectorView.MASK);
    assertThat(item.path("nested").path("tokens").asText())
        .as("a secret's value is masked whole, even a list")
        .isEqualTo(ConnectorView.MASK);
    assertThat(out.path("headers").path("Authorization").asText()).isEqualTo(ConnectorView.MASK);
    assertThat(out.toString()).doesNotContain("s3cr3t-value", "k-123", "pw-9", "Bearer abc");
  }

  @Test
  void shouldKeepANullSecretNullAndMaskAnEmptyOne() throws Exception {
    JsonNode out = masked("{\"password\": null, \"token\": \"\", \"secret\": 42}");

    assertThat(out.path("password").isNull()).isTrue();
    assertThat(out.path("token").asText()).isEqualTo(ConnectorView.MASK);
    assertThat(out.path("secret").asText()).isEqualTo(ConnectorView.MASK);
  }

  @Test
  void shouldMaskInsideATopLevelList() throws Exception {
    JsonNode out = masked("[{\"clientSecret\": \"x1\"}, [{\"apiKey\": \"x2\"}], \"plain\"]");

    assertThat(out.get(0).path("clientSecret").asText()).isEqualTo(ConnectorView.MASK);
    assertThat(out.get(1).get(0).path("apiKey").asText()).isEqualTo(ConnectorView.MASK);
    assertThat(out.get(2).asText()).isEqualTo("plain");
  }

  @Test
  void shouldLeaveTheGivenTreeAsItWas() throws Exception {
    JsonNode given = JSON.readTree("{\"auth\": {\"clientSecret\": \"keep-me\"}}");

    JsonNode out = SecretMasking.mask(given);

    assertThat(out.path("auth").path("clientSecret").asText()).isEqualTo(ConnectorView.MASK);
    assertThat(given.path("auth").path("clientSecret").asText()).isEqualTo("keep-me");
  }

  @Test
  void shouldRefuseTextThatIsNotJsonWithoutRepeatingIt() {
    assertThatThrownBy(() -> SecretMasking.mask("password=hunter2-not-json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("hunter2")
        .hasNoCause();
  }

  @Test
  void shouldPassNullThrough() {
    assertThat(SecretMasking.mask((String) null)).isNull();
  }
}
