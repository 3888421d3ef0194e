package dev.sightline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The page keeps one generated section: placed once, then replaced, everything else kept. */
class BenchmarksDocTest {

  private static final String PAGE = "# Benchmarks\n\nIntro.\n\n## Older figures\n\nKept.\n";

  @Test
  void theFirstSectionGoesAfterTheIntroductionBeforeTheFirstHeading() {
    String page = BenchmarksDoc.withSection(PAGE, "## New\n\nfigures 1\n");

    assertThat(page)
        .isEqualTo(
            "# Benchmarks\n\nIntro.\n\n"
                + BenchmarksDoc.BEGIN
                + "\n## New\n\nfigures 1\n"
                + BenchmarksDoc.END
                + "\n\n## Older figures\n\nKept.\n");
  }

  @Test
  void theNextRunReplacesThePreviousSectionInsteadOfAppending() {
    String once = BenchmarksDoc.withSection(PAGE, "## New\n\nfigures 1\n");
    String twice = BenchmarksDoc.withSection(once, "## New\n\nfigures 2\n");

    assertThat(twice).isEqualTo(once.replace("figures 1", "figures 2"));
    assertThat(twice.split(java.util.regex.Pattern.quote(BenchmarksDoc.BEGIN), -1)).hasSize(2);
  }

  @Test
  void aPageWithoutHeadingsGetsTheSectionAtItsEnd() {
    assertThat(BenchmarksDoc.withSection("Intro.", "x"))
        .isEqualTo("Intro.\n\n" + BenchmarksDoc.BEGIN + "\nx\n" + BenchmarksDoc.END + "\n");
  }
}
