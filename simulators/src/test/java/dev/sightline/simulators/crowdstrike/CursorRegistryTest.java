package dev.sightline.simulators.crowdstrike;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.simulators.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CursorRegistryTest {
  /** The {@code after} of the recorded us-1 page (sample 2). */
  private static final String RECORDED =
      "WzE2ODQ1MzAyODkwMDAsIjhmYzY1MzE1NjEyYjRmNmI5NmQzNTZhZDExY2QwZTZhXzQzOWQ3ZTkxMT"
          + "MzNjM5MDc4MmVjMWYyZmE0NjcwZjJhIl0=";

  @Test
  void shouldEncodeCursorsExactlyLikeTheRecordedOne() {
    CursorRegistry registry =
        new CursorRegistry(new MutableClock(Instant.EPOCH), Duration.ofSeconds(120));

    String token =
        registry.issue(
            1684530289000L, "8fc65315612b4f6b96d356ad11cd0e6a_439d7e911336390782ec1f2fa4670f2a");

    assertThat(token).isEqualTo(RECORDED);
    assertThat(CursorRegistry.decode(RECORDED).orElseThrow().sortValue().asLong())
        .isEqualTo(1684530289000L);
  }

  @Test
  void shouldExpireCursorsAfterTheirTtlOnly() {
    MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    CursorRegistry registry = new CursorRegistry(clock, Duration.ofSeconds(120));
    String token = registry.issue(1L, "a_b");

    clock.advance(Duration.ofSeconds(120));
    assertThat(registry.redeem(token)).isPresent();
    clock.advance(Duration.ofMillis(1));
    assertThat(registry.redeem(token)).isEmpty();
    assertThat(registry.redeem("bm90LWEtY3Vyc29y")).isEmpty();
  }
}
