package dev.sightline.platform.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The span of NVD changes an update asks for, and how it is put to the API. */
class NvdWindowTest {
  private static final Instant NOW = Instant.parse("2026-01-15T09:00:00.123456Z");
  private static final URI NVD = URI.create("https://services.nvd.nist.gov/rest/json/cves/2.0");

  @Test
  void shouldReadTheLastSevenDaysOnTheFirstUpdate() {
    NvdWindow window = NvdWindow.after(Optional.empty(), NOW);

    assertThat(window.first()).isTrue();
    assertThat(window.end())
        .as("to the millisecond NVD takes")
        .isEqualTo("2026-01-15T09:00:00.123Z");
    assertThat(window.start()).isEqualTo("2026-01-08T09:00:00.123Z");
    assertThat(window.queries()).containsExactly(window);
  }

  @Test
  void shouldStartWhereTheLastUpdateEndedLessTheOverlap() {
    NvdWindow window = NvdWindow.after(Optional.of(Instant.parse("2026-01-14T09:00:00Z")), NOW);

    assertThat(window.first()).isFalse();
    assertThat(window.start()).isEqualTo("2026-01-14T08:45:00Z");
    assertThat(window.end()).isEqualTo("2026-01-15T09:00:00.123Z");
  }

  @Test
  void shouldSplitASpanLongerThanNvdAcceptsInto120DayQueries() {
    Instant lastEnd = Instant.parse("2025-06-01T00:15:00Z");
    Instant now = Instant.parse("2026-01-15T00:00:00Z");

    List<NvdWindow> queries = NvdWindow.after(Optional.of(lastEnd), now).queries();

    assertThat(queries).hasSize(2);
    assertThat(queries.get(0).start()).isEqualTo("2025-06-01T00:00:00Z");
    assertThat(queries.get(0).end()).isEqualTo("2025-09-29T00:00:00Z");
    assertThat(queries.get(1).start()).isEqualTo(queries.get(0).end());
    assertThat(queries.get(1).end()).isEqualTo(now);
    assertThat(queries)
        .allSatisfy(
            q ->
                assertThat(Duration.between(q.start(), q.end()))
                    .isLessThanOrEqualTo(Duration.ofDays(120)));
  }

  @Test
  void shouldNotInvertTheWindowWhenTheClockWasSetBack() {
    NvdWindow window = NvdWindow.after(Optional.of(Instant.parse("2026-02-01T00:00:00Z")), NOW);

    assertThat(window.start()).isBefore(window.end());
    assertThat(window.end()).isEqualTo("2026-01-15T09:00:00.123Z");
  }

  @Test
  void shouldAskForAPageInNvdsDateFormatWithAnEncodedOffset() {
    NvdWindow window = NvdWindow.after(Optional.empty(), NOW);

    assertThat(window.page(NVD, 4000))
        .hasToString(
            "https://services.nvd.nist.gov/rest/json/cves/2.0"
                + "?lastModStartDate=2026-01-08T09:00:00.123%2B00:00"
                + "&lastModEndDate=2026-01-15T09:00:00.123%2B00:00"
                + "&resultsPerPage=2000&startIndex=4000");
    assertThat(window.page(URI.create("https://mirror.example/nvd?token=t"), 0).toString())
        .startsWith("https://mirror.example/nvd?token=t&lastModStartDate=");
  }
}
