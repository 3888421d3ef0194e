package dev.sightline.platform.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every worked example of docs/scoring.md, with the exact figures the document prints. Change a
 * figure here and there together.
 */
class ScoringWorkedExamplesTest {
  private final FindingScorer findings = new FindingScorer();
  private final AssetRiskScorer assets = new AssetRiskScorer(RiskWeights.defaults());
  private final SeverityMapping crowdStrike = SeedMappings.crowdStrike();
  private final SeverityMapping cortex = SeedMappings.cortexXdr();

  @Nested
  class FindingQds {
    @Test
    void example1_findingsWithoutACveGoThroughTheSeverityMapping() {
      assertQds(FindingEvidence.withoutCve("HIGH"), crowdStrike, 80, QdsBand.HIGH);
      assertQds(FindingEvidence.withoutCve("UNKNOWN"), crowdStrike, 40, QdsBand.MEDIUM);
      assertQds(FindingEvidence.withoutCve("INFORMATIONAL"), cortex, 20, QdsBand.LOW);
      assertQds(FindingEvidence.withoutCve("5"), cortex, 100, QdsBand.CRITICAL);
    }

    @Test
    void example2_gitCve2025_48384FromTheSharedData() {
      FindingEvidence git =
          FindingEvidence.forCve("CVE-2025-48384", "HIGH")
              .withNvd(8.0, null)
              .withKev(true, false)
              .withEpss(0.04109, 0.8998);
      FindingScore score = findings.score(git, crowdStrike);
      assertThat(values(score)).containsExactly("90", "0", "1.23", "2.40");
      assertThat(score.qds()).isEqualTo(94);
      assertThat(score.band()).isEqualTo(QdsBand.CRITICAL);
    }

    @Test
    void example3_log4ShellReachesTheTop() {
      FindingEvidence log4shell =
          FindingEvidence.forCve("CVE-2021-44228", "CRITICAL")
              .withNvd(10.0, null)
              .withKev(true, true)
              .withEpss(0.99999, 1.0);
      FindingScore score = findings.score(log4shell, crowdStrike);
      assertThat(values(score)).containsExactly("90", "4", "3.00", "3.00");
      assertThat(score.qds()).isEqualTo(100);
    }

    @Test
    void example4_theRecordedCrowdStrikeVulnerabilityBeforeAndAfterLoadingIntelligence() {
      FindingEvidence vendorOnly =
          FindingEvidence.forCve("CVE-2023-41992", "HIGH").withVendor(7.8, true, 1.0, "CRITICAL");
      FindingScore before = findings.score(vendorOnly, crowdStrike);
      assertThat(values(before)).containsExactly("90", "0", "0", "2.34");
      assertThat(before.qds()).isEqualTo(92);

      FindingScore after =
          findings.score(
              vendorOnly.withNvd(7.8, null).withKev(true, false).withEpss(0.02918, 0.8596),
              crowdStrike);
      assertThat(values(after)).containsExactly("90", "0", "0.88", "2.34");
      assertThat(after.qds()).isEqualTo(93);
    }

    @Test
    void example5_aCriticalCvssWithAnAvailableExploitIsHigh() {
      FindingEvidence e =
          FindingEvidence.forCve("CVE-2024-0001", "CRITICAL")
              .withVendor(9.8, false, 0.333333, "MEDIUM");
      FindingScore score = findings.score(e, crowdStrike);
      assertThat(values(score)).containsExactly("63.70", "11.67");
      assertThat(score.qds()).isEqualTo(75);
      assertThat(score.band()).isEqualTo(QdsBand.HIGH);
    }

    @Test
    void example6_theSameCvssWithALowEpssIsMedium() {
      FindingEvidence e =
          FindingEvidence.forCve("CVE-2024-0002", "CRITICAL")
              .withVendor(9.8, false, 0.0, "LOW")
              .withEpss(0.00043, 0.1);
      FindingScore score = findings.score(e, crowdStrike);
      assertThat(values(score)).containsExactly("63.70", "0.15");
      assertThat(score.qds()).isEqualTo(64);
      assertThat(score.band()).isEqualTo(QdsBand.MEDIUM);
    }

    @Test
    void example7_withoutEvidenceOfExploitationTheCeilingIs89() {
      FindingEvidence e =
          FindingEvidence.forCve("CVE-2024-0003", "CRITICAL")
              .withNvd(9.8, null)
              .withEpss(0.35, 0.97)
              .withVendor(null, false, 0.666667, null);
      FindingScore score = findings.score(e, crowdStrike);
      assertThat(values(score)).containsExactly("63.70", "35.00", "-10");
      assertThat(score.qds()).isEqualTo(89);
    }

    @Test
    void example8_aCortexCveWithOnlyItsCvssScoresBelowItsSeverityWord() {
      FindingEvidence onlyCvss =
          FindingEvidence.forCve("CVE-2024-0004", "MEDIUM").withVendor(5.3, false, null, null);
      assertQds(onlyCvss, cortex, 34, QdsBand.LOW);
      assertQds(FindingEvidence.forCve("CVE-2024-0004", "MEDIUM"), cortex, 60, QdsBand.MEDIUM);
    }

    private void assertQds(FindingEvidence e, SeverityMapping mapping, int qds, QdsBand band) {
      FindingScore score = findings.score(e, mapping);
      assertThat(score.qds()).isEqualTo(qds);
      assertThat(score.band()).isEqualTo(band);
    }
  }

  @Nested
  class AssetRisk {
    @Test
    void example9_etmAsset2UnderSightlinesFormula() {
      List<AssetFinding> f = new ArrayList<>();
      add(f, 3, 95);
      add(f, 50, 65);
      add(f, 20, 30);
      AssetRiskScore score = assets.score(new Criticality(4, "ETM example"), f);
      assertThat(term(score, "maxQds")).isEqualByComparingTo("123.5");
      assertThat(term(score, "bracket")).isEqualByComparingTo("150.5");
      assertThat(score.score()).isEqualTo(602);
      assertThat(score.band()).isEqualTo(RiskBand.MEDIUM);
    }

    @Test
    void example10_etmAsset1UnderSightlinesFormula() {
      List<AssetFinding> f = new ArrayList<>();
      add(f, 2, 95);
      add(f, 10, 84);
      add(f, 40, 65);
      add(f, 30, 31);
      AssetRiskScore score = assets.score(new Criticality(5, "ETM example"), f);
      assertThat(term(score, "bracket")).isEqualByComparingTo("153.5");
      assertThat(term(score, "product")).isEqualByComparingTo("767.5");
      assertThat(score.score()).isEqualTo(768);
      assertThat(score.band()).isEqualTo(RiskBand.HIGH);
    }

    /**
     * The published figures (518 and 1000) come from TruRisk 1.0, which averages each band and
     * damps counts by count^(1/100). With the default weights that formula gives 517.08 and 1083.8
     * → 1000: the weights are the ones the example implies.
     */
    @Test
    void example11_theDefaultWeightsReproduceThePublishedEtmFiguresUnderTruRisk1() {
      RiskWeights w = RiskWeights.defaults();
      double asset2 =
          4
              * (w.critical().doubleValue() * 95 * Math.pow(3, 0.01)
                  + w.medium().doubleValue() * 65 * Math.pow(50, 0.01)
                  + w.low().doubleValue() * 30 * Math.pow(20, 0.01));
      double asset1 =
          5
              * 1.2
              * (w.critical().doubleValue() * 95 * Math.pow(2, 0.01)
                  + w.high().doubleValue() * 84 * Math.pow(10, 0.01)
                  + w.medium().doubleValue() * 65 * Math.pow(40, 0.01)
                  + w.low().doubleValue() * 31 * Math.pow(30, 0.01));
      assertThat(BigDecimal.valueOf(asset2).setScale(2, RoundingMode.HALF_UP))
          .isEqualByComparingTo("517.08");
      assertThat(BigDecimal.valueOf(asset1).setScale(1, RoundingMode.HALF_UP))
          .isEqualByComparingTo("1083.8");
      assertThat(Math.min(1000, Math.round(asset1))).isEqualTo(1000);
    }

    @Test
    void example12_aDomainControllerWithTheFindingsAbove() {
      List<AssetFinding> f =
          List.of(
              new AssetFinding("git", 94, true),
              new AssetFinding("spotlight", 75, true),
              new AssetFinding("low-epss", 64, true),
              new AssetFinding("log4shell", 100, false));
      AssetRiskScore score =
          assets.score(AssetCriticality.defaults().forType("Domain Controller"), f);
      assertThat(term(score, "maxQds")).isEqualByComparingTo("122.2");
      assertThat(term(score, "bracket")).isEqualByComparingTo("124.2");
      assertThat(score.score()).isEqualTo(621);
      assertThat(score.band()).isEqualTo(RiskBand.MEDIUM);
      assertThat(score.excludedFindings()).isEqualTo(1);
    }

    @Test
    void example13_aWorkstationWithOneMediumFinding() {
      AssetRiskScore score =
          assets.score(
              AssetCriticality.defaults().forType("Workstation"),
              List.of(new AssetFinding("low-epss", 64, true)));
      assertThat(term(score, "product")).isEqualByComparingTo("128.8");
      assertThat(score.score()).isEqualTo(129);
      assertThat(score.band()).isEqualTo(RiskBand.LOW);
    }

    @Test
    void example14_aDomainControllerTurnsCriticalAtItsFortiethCriticalFinding() {
      Criticality dc = AssetCriticality.defaults().forType("Domain Controller");
      List<AssetFinding> f = new ArrayList<>();
      add(f, 39, 100);
      assertThat(assets.score(dc, f).score()).isEqualTo(845);
      assertThat(assets.score(dc, f).band()).isEqualTo(RiskBand.HIGH);
      add(f, 1, 100);
      assertThat(assets.score(dc, f).score()).isEqualTo(850);
      assertThat(assets.score(dc, f).band()).isEqualTo(RiskBand.CRITICAL);
    }

    @Test
    void example15_theCap() {
      List<AssetFinding> f = new ArrayList<>();
      add(f, 60, 100);
      AssetRiskScore score = assets.score(new Criticality(5, "set by a user"), f);
      assertThat(term(score, "product")).isEqualByComparingTo("950");
      assertThat(score.score()).isEqualTo(950);
      add(f, 20, 100);
      score = assets.score(new Criticality(5, "set by a user"), f);
      assertThat(term(score, "product")).isEqualByComparingTo("1050");
      assertThat(score.score()).isEqualTo(1000);
    }

    private void add(List<AssetFinding> f, int count, int qds) {
      for (int i = 0; i < count; i++) {
        f.add(new AssetFinding("f" + f.size(), qds, true));
      }
    }
  }

  private static List<String> values(FindingScore score) {
    return score.terms().stream().map(t -> t.value().toPlainString()).toList();
  }

  private static BigDecimal term(AssetRiskScore score, String name) {
    return score.terms().stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow()
        .value();
  }
}
