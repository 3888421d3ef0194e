package dev.sightline.platform.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TimestampsTest {

  /** Text as vendors send it → the instant, written as ISO-8601 UTC. */
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      # CrowdStrike last_seen, agent_local_time, policy applied_date (samples/crowdstrike)
      2023-05-23T16:12:03Z                | 2023-05-23T16:12:03Z
      2023-05-10T05:36:12.957Z            | 2023-05-10T05:36:12.957Z
      2019-12-02T15:57:02.852608239Z      | 2019-12-02T15:57:02.852608239Z
      2023-09-26T16:04:24+02:00           | 2023-09-26T14:04:24Z
      2023-09-26T16:04:24+0200            | 2023-09-26T14:04:24Z
      2023-09-26T16:04:24-05              | 2023-09-26T21:04:24Z
      2023-09-26T16:04:24                 | 2023-09-26T16:04:24Z
      2023-09-26 16:04:24                 | 2023-09-26T16:04:24Z
      2023-09-26t16:04:24z                | 2023-09-26T16:04:24Z
      2023-10-10                          | 2023-10-10T00:00:00Z
      # Cortex first_seen (epoch ms), Spotlight after-token (s), devices-scroll expires_at (ns)
      1575795969644                       | 2019-12-08T09:06:09.644Z
      1684530289                          | 2023-05-19T21:04:49Z
      1684530289.5                        | 2023-05-19T21:04:49.500Z
      1684860388051871                    | 2023-05-23T16:46:28.051871Z
      1684860388051871405                 | 2023-05-23T16:46:28.051871405Z
      'Tue, 3 Jun 2008 11:05:30 GMT'      | 2008-06-03T11:05:30Z
      """)
  void shouldReadVendorTimestampsAsUtc(String raw, String expected) {
    assertThat(Timestamps.utc(raw)).contains(Instant.parse(expected));
  }

  static Stream<Arguments> typedValues() {
    Instant instant = Instant.parse("2019-12-08T09:06:09.644Z");
    return Stream.of(
        Arguments.of(1575795969644L, instant),
        Arguments.of(1575795969, Instant.parse("2019-12-08T09:06:09Z")),
        Arguments.of(1684860388051871405L, Instant.ofEpochSecond(1684860388L, 51871405L)),
        Arguments.of(1684530289.5d, Instant.parse("2023-05-19T21:04:49.500Z")),
        Arguments.of(new BigDecimal("1575795969644"), instant),
        Arguments.of(BigInteger.valueOf(1575795969644L), instant),
        Arguments.of(instant, instant),
        Arguments.of(OffsetDateTime.parse("2019-12-08T10:06:09.644+01:00"), instant),
        Arguments.of(LocalDateTime.parse("2019-12-08T09:06:09.644"), instant),
        Arguments.of(LocalDate.parse("2019-12-08"), Instant.parse("2019-12-08T00:00:00Z")),
        Arguments.of(Date.from(instant), instant));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("typedValues")
  void shouldAcceptTypedValues(Object raw, Instant expected) {
    assertThat(Timestamps.utc(raw)).contains(expected);
  }

  static Stream<Object> noInstant() {
    return Stream.of(
        null,
        "",
        "  ",
        "null",
        "0",
        0,
        0L,
        -1L,
        "-1575795969644",
        "garbage",
        "2023-13-45T00:00:00Z",
        "2023-05-23T16:12:03+25:00",
        Double.NaN,
        Double.POSITIVE_INFINITY,
        "9".repeat(40),
        new BigDecimal("1e40"),
        new Object(),
        "1e10",
        true);
  }

  @ParameterizedTest
  @MethodSource("noInstant")
  void shouldGiveNothingForNeverAndGarbage(Object raw) {
    assertThat(Timestamps.utc(raw)).isEmpty();
  }

  @Test
  void shouldTellEpochUnitsApartByMagnitude() {
    assertThat(Timestamps.utc(99_999_999_999L)).contains(Instant.ofEpochSecond(99_999_999_999L));
    assertThat(Timestamps.utc(100_000_000_000L))
        .contains(Instant.ofEpochMilli(100_000_000_000L)); // 1973-03-03T09:46:40Z
    assertThat(Timestamps.utc(99_999_999_999_999L))
        .contains(Instant.ofEpochMilli(99_999_999_999_999L));
    assertThat(Timestamps.utc(100_000_000_000_000L)).contains(Instant.ofEpochSecond(100_000_000L));
    assertThat(Timestamps.utc(100_000_000_000_000_000L))
        .contains(Instant.ofEpochSecond(100_000_000L));
  }

  @Test
  void shouldReadCortexMillisAndCrowdStrikeIsoAsTheSameMoment() {
    assertThat(Timestamps.utc(1575795969644L))
        .isEqualTo(Timestamps.utc("2019-12-08T10:06:09.644+01:00"));
    assertThat(Timestamps.utc("2019-12-08T09:06:09.644Z").map(i -> i.atOffset(ZoneOffset.UTC)))
        .contains(OffsetDateTime.parse("2019-12-08T09:06:09.644Z"));
  }
}
