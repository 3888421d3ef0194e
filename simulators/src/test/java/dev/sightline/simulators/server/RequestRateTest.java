package dev.sightline.simulators.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestRateTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static RequestLog.Entry at(long millis, int status) {
    return new RequestLog.Entry("POST", "/p", "", status, T0.plusMillis(millis));
  }

  @Test
  void shouldMeasureTheRateOfStartsAndTheBusiestSecond() {
    List<RequestLog.Entry> entries = new ArrayList<>();
    for (int i = 0; i <= 80; i++) {
      entries.add(at(i * 125L, 200)); // 8 a second for 10 s
    }
    entries.add(at(10_010, 429));
    entries.add(at(10_020, 200));

    RequestRate rate = RequestRate.of(entries);

    assertThat(rate.requests()).isEqualTo(83);
    assertThat(rate.refused()).isEqualTo(1);
    assertThat(rate.span()).isEqualTo(Duration.ofMillis(10_020));
    assertThat(rate.perSecond()).isCloseTo(82 / 10.02, org.assertj.core.data.Offset.offset(1e-9));
    // [9125, 10125) holds 9000..10000 at 125 ms steps (8 starts, from 9125) plus the last two.
    assertThat(rate.busiestSecond()).isEqualTo(10);
    assertThat(rate.useOf(8)).isGreaterThan(1.0);
  }

  @Test
  void shouldCountArrivalsAWholeSecondApartInDifferentWindows() {
    RequestRate rate = RequestRate.of(List.of(at(0, 200), at(1000, 200), at(2000, 200)));

    assertThat(rate.busiestSecond()).isEqualTo(1);
    assertThat(rate.perSecond()).isEqualTo(1.0);
    assertThat(RequestRate.of(List.of()).requests()).isZero();
  }
}
