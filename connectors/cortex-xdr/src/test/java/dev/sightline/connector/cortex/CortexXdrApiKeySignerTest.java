package dev.sightline.connector.cortex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.connector.cortex.CortexXdrConfig.SecurityLevel;
import java.net.URI;
import java.net.http.HttpRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CortexXdrApiKeySignerTest {

  private static final URI URL = URI.create("https://api-acme.xdr.us.paloaltonetworks.com");
  private static final Instant NOW = Instant.parse("2024-06-01T00:00:00Z");
  private static final String KEY = "sk-test-0123456789abcdef";

  @Test
  void shouldHashKeyNonceAndTimestampAsTheDocumentedLowercaseHexSha256() {
    // printf '%s' "sk-test-0123456789abcdef<nonce>1717200000000" | sha256sum
    String nonce = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefghijklmnopqrstuvwxyzAB";

    assertThat(CortexXdrApiKeySigner.signature(KEY, nonce, "1717200000000"))
        .isEqualTo("ddac647335df5b38682797874f3986743e860b21839425266065c6263a005df7");
  }

  @Test
  void shouldSendAStandardKeyAsIsWithItsId() {
    HttpRequest request = signer(SecurityLevel.STANDARD).sign(HttpRequest.newBuilder(URL)).build();

    assertThat(request.headers().firstValue("Authorization")).contains(KEY);
    assertThat(request.headers().firstValue("x-xdr-auth-id")).contains("12");
    assertThat(request.headers().firstValue("x-xdr-nonce")).isEmpty();
    assertThat(request.headers().firstValue("x-xdr-timestamp")).isEmpty();
  }

  @Test
  void shouldSignAnAdvancedKeyWithAFresh64CharacterNonceAndTheClocksMillis() {
    CortexXdrApiKeySigner signer = signer(SecurityLevel.ADVANCED);

    HttpRequest first = signer.sign(HttpRequest.newBuilder(URL)).build();
    HttpRequest second = signer.sign(HttpRequest.newBuilder(URL)).build();

    String nonce = first.headers().firstValue("x-xdr-nonce").orElseThrow();
    assertThat(nonce).hasSize(64).matches("[A-Za-z0-9]{64}");
    assertThat(first.headers().firstValue("x-xdr-timestamp")).contains("1717200000000");
    assertThat(first.headers().firstValue("x-xdr-auth-id")).contains("12");
    assertThat(first.headers().firstValue("Authorization").orElseThrow())
        .isEqualTo(CortexXdrApiKeySigner.signature(KEY, nonce, "1717200000000"))
        .doesNotContain(KEY);
    assertThat(second.headers().firstValue("x-xdr-nonce"))
        .isNotEqualTo(first.headers().firstValue("x-xdr-nonce"));
  }

  private static CortexXdrApiKeySigner signer(SecurityLevel level) {
    CortexXdrConfig config = new CortexXdrConfig(URL, KEY, "12", level, false);
    return new CortexXdrApiKeySigner(config, Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom());
  }
}
