package dev.sightline.simulators.cortex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.simulators.cortex.CortexXdrSimulatorOptions.SecurityLevel;
import dev.sightline.simulators.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeyAuthenticatorTest {
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));

  @Test
  void shouldHashKeyNonceAndTimestampAsLowerCaseHexSha256() {
    // printf '%s' "key${64 x n}1700000000000" | sha256sum
    assertThat(ApiKeyAuthenticator.hash("key", "n".repeat(64), "1700000000000"))
        .isEqualTo("f877c57933507ea6c4ed7ca38c011b2da706c88c787172934714cc8e1c86e64f");
  }

  @Test
  void shouldAcceptTheStandardKeyOnlyRaw() {
    ApiKeyAuthenticator auth =
        new ApiKeyAuthenticator("7", "secret", SecurityLevel.STANDARD, CLOCK);

    assertThat(auth.refusal(headers(Map.of("x-xdr-auth-id", "7", "Authorization", "secret"))))
        .isEmpty();
    assertThat(auth.refusal(headers(Map.of("x-xdr-auth-id", "7", "Authorization", "Secret"))))
        .isPresent();
    assertThat(auth.refusal(headers(Map.of("Authorization", "secret")))).isPresent();
  }

  @Test
  void shouldAcceptAdvancedSignaturesOnceWithinFiveMinutes() {
    ApiKeyAuthenticator auth =
        new ApiKeyAuthenticator("7", "secret", SecurityLevel.ADVANCED, CLOCK);
    String nonce = "a1".repeat(32);
    String timestamp = Long.toString(CLOCK.millis() - Duration.ofMinutes(5).toMillis());
    Map<String, String> signed =
        Map.of(
            "x-xdr-auth-id",
            "7",
            "x-xdr-nonce",
            nonce,
            "x-xdr-timestamp",
            timestamp,
            "Authorization",
            ApiKeyAuthenticator.hash("secret", nonce, timestamp));
    Map<String, String> upperCase =
        Map.of(
            "x-xdr-auth-id",
            "7",
            "x-xdr-nonce",
            "b2".repeat(32),
            "x-xdr-timestamp",
            timestamp,
            "Authorization",
            ApiKeyAuthenticator.hash("secret", "b2".repeat(32), timestamp).toUpperCase());

    assertThat(auth.refusal(headers(signed))).isEmpty();
    assertThat(auth.refusal(headers(signed))).contains("x-xdr-nonce was already used");
    assertThat(auth.refusal(headers(upperCase))).contains("invalid API key signature");
  }

  private static java.util.function.Function<String, Optional<String>> headers(
      Map<String, String> values) {
    return name ->
        values.entrySet().stream()
            .filter(e -> e.getKey().equalsIgnoreCase(name))
            .map(Map.Entry::getValue)
            .findFirst();
  }
}
