package dev.sightline.platform.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.platform.scoring.FindingScore.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingScorerTest {
  private static final Double[] CVSS = {null, 0.0, 2.5, 5.0, 6.9, 7.0, 8.8, 9.8, 10.0};
  private static final Double[] EPSS = {null, 0.0, 0.0004, 0.01, 0.05, 0.1, 0.5, 1.0};
  // Exploit maturity on the platform's 0–1 scale; the last step is "used in attacks", which the
  // source also reports as exploited in the wild.
  private static final Double[] EXPLOIT = {null, 0.0, 0.333333, 0.666667, 1.0};
  private static final String[] EXPRT = {null, "LOW", "MEDIUM", "HIGH", "CRITICAL"};

  private final FindingScorer scorer = new FindingScorer();
  private final SeverityMapping mapping = SeedMappings.crowdStrike();

  /** One point of the grid; raising any single coordinate must never lower the QDS. */
  private record Point(
      int cvss, int epss, int exploit, int exprt, boolean kev, boolean ransomware) {
    FindingEvidence evidence() {
      return FindingEvidence.forCve("CVE-2024-1234", "MEDIUM")
          .withNvd(CVSS[cvss], null)
          .withEpss(EPSS[epss], null)
          .withVendor(null, exploit == EXPLOIT.length - 1, EXPLOIT[exploit], EXPRT[exprt])
          .withKev(kev, ransomware);
    }
  }

  private List<Point> grid() {
    List<Point> points = new ArrayList<>();
    for (int c = 0; c < CVSS.length; c++) {
      for (int e = 0; e < EPSS.length; e++) {
        for (int x = 0; x < EXPLOIT.length; x++) {
          for (int r = 0; r < EXPRT.length; r++) {
            for (boolean kev : new boolean[] {false, true}) {
              points.add(new Point(c, e, x, r, kev, false));
              if (kev) {
                points.add(new Point(c, e, x, r, true, true));
              }
            }
          }
        }
      }
    }
    return points;
  }

  /**
   * Within threat intelligence, raising any signal never lowers the QDS. Moving from the severity
   * mapping (nothing known) to threat intelligence may: learning that EPSS is 0.0004 is news that
   * exploitation is unlikely (docs/scoring.md, "Two regimes"), so those steps are not compared.
   */
  @Test
  void shouldNeverLowerTheScoreWhenAnySignalRises() {
    for (Point p : grid()) {
      FindingScore lower = scorer.score(p.evidence(), mapping);
      if (lower.method() == Method.SEVERITY_MAPPING) {
        continue;
      }
      int qds = lower.qds();
      List<Point> higher = new ArrayList<>();
      if (p.cvss() > 0 && p.cvss() + 1 < CVSS.length) {
        higher.add(
            new Point(p.cvss() + 1, p.epss(), p.exploit(), p.exprt(), p.kev(), p.ransomware()));
      }
      if (p.epss() + 1 < EPSS.length) {
        higher.add(
            new Point(p.cvss(), p.epss() + 1, p.exploit(), p.exprt(), p.kev(), p.ransomware()));
      }
      if (p.exploit() + 1 < EXPLOIT.length) {
        higher.add(
            new Point(p.cvss(), p.epss(), p.exploit() + 1, p.exprt(), p.kev(), p.ransomware()));
      }
      if (p.exprt() + 1 < EXPRT.length) {
        higher.add(
            new Point(p.cvss(), p.epss(), p.exploit(), p.exprt() + 1, p.kev(), p.ransomware()));
      }
      if (!p.kev()) {
        higher.add(new Point(p.cvss(), p.epss(), p.exploit(), p.exprt(), true, false));
      } else if (!p.ransomware()) {
        higher.add(new Point(p.cvss(), p.epss(), p.exploit(), p.exprt(), true, true));
      }
      for (Point h : higher) {
        assertThat(scorer.score(h.evidence(), mapping).qds())
            .as("%s → %s", p, h)
            .isGreaterThanOrEqualTo(qds);
      }
    }
  }

  @Test
  void shouldReserveTheCriticalBandForExploitationInTheWild() {
    for (Point p : grid()) {
      FindingScore score = scorer.score(p.evidence(), mapping);
      boolean exploited = p.kev() || p.exploit() == EXPLOIT.length - 1;
      if (score.method() == Method.THREAT_INTELLIGENCE) {
        assertThat(score.band() == QdsBand.CRITICAL).as("%s", p).isEqualTo(exploited);
      }
      assertThat(score.qds()).isBetween(1, 100);
    }
  }

  @Test
  void shouldFallBackToTheMappingWhenNothingIsKnownAboutTheCve() {
    FindingScore score = scorer.score(FindingEvidence.forCve("CVE-2024-1234", "HIGH"), mapping);
    assertThat(score.method()).isEqualTo(Method.SEVERITY_MAPPING);
    assertThat(score.qds()).isEqualTo(80);
    assertThat(score.rule()).contains("Nothing known about CVE-2024-1234");
    assertThat(
            scorer
                .score(
                    FindingEvidence.forCve("CVE-2024-1234", "HIGH")
                        .withVendor(null, false, null, "UNKNOWN"),
                    mapping)
                .method())
        .isEqualTo(Method.SEVERITY_MAPPING);
  }

  @Test
  void shouldUseTheMappedSeverityAsTechnicalSeverityWithoutAnyCvss() {
    FindingScore score =
        scorer.score(
            FindingEvidence.forCve("CVE-2024-1234", "HIGH").withVendor(null, false, 0.666667, null),
            mapping);
    // 0.65 × 80 + 35 × 0.666667 = 52.00 + 23.33
    assertThat(score.qds()).isEqualTo(75);
    assertThat(score.terms().get(0).inputs()).containsEntry("mappedQds", 80);
  }

  @Test
  void shouldPreferNvdV3ThenV2ThenTheSourcesCvss() {
    FindingEvidence e =
        FindingEvidence.forCve("CVE-2024-1234", null).withVendor(5.0, false, 0.0, null);
    assertThat(scorer.score(e, mapping).qds()).isEqualTo(33);
    assertThat(scorer.score(e.withNvd(null, 7.0), mapping).qds()).isEqualTo(46);
    assertThat(scorer.score(e.withNvd(9.0, 7.0), mapping).qds()).isEqualTo(59);
    assertThat(scorer.score(e.withNvd(9.0, 7.0), mapping).terms().get(0).inputs())
        .containsEntry("cvssSource", "NVD CVSS v3 base");
  }

  @Test
  void shouldExplainItselfAsJson() throws Exception {
    FindingScore score =
        scorer.score(
            FindingEvidence.forCve("CVE-2025-48384", "HIGH")
                .withNvd(8.0, null)
                .withKev(true, false)
                .withEpss(0.04109, 0.8998),
            mapping);
    JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(score));
    assertThat(json.path("qds").asInt()).isEqualTo(94);
    assertThat(json.path("band").asText()).isEqualTo("CRITICAL");
    assertThat(json.path("method").asText()).isEqualTo("THREAT_INTELLIGENCE");
    assertThat(json.path("terms").get(0).path("description").asText())
        .contains("in the CISA KEV catalog");
    assertThat(json.path("terms").get(2).path("inputs").path("epssPercentile").asDouble())
        .isEqualTo(0.8998);
  }

  @Test
  void shouldRejectImpossibleIntelligence() {
    assertThatThrownBy(() -> FindingEvidence.forCve("CVE-2024-1", null).withNvd(10.5, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cvssV3Base must be 0..10, not 10.5");
    assertThatThrownBy(() -> FindingEvidence.forCve("CVE-2024-1", null).withEpss(Double.NaN, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("epssScore");
  }

  @Test
  void shouldKeepTheLowestScoreAtOne() {
    FindingScore score =
        scorer.score(
            FindingEvidence.forCve("CVE-2024-1", null).withNvd(0.0, null).withEpss(0.0, 0.0),
            mapping);
    assertThat(score.qds()).isEqualTo(1);
    assertThat(Arrays.asList(QdsBand.values())).contains(score.band());
  }
}
