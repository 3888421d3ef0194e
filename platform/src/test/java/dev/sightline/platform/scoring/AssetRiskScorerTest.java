package dev.sightline.platform.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssetRiskScorerTest {
  private final AssetRiskScorer scorer = new AssetRiskScorer(RiskWeights.defaults());
  private final Criticality server = AssetCriticality.defaults().forType("Server");

  @Test
  void shouldScoreZeroWithoutOpenFindings() {
    AssetRiskScore score = scorer.score(server, List.of(new AssetFinding("a", 100, false)));
    assertThat(score.score()).isZero();
    assertThat(score.band()).isEqualTo(RiskBand.LOW);
    assertThat(score.excludedFindings()).isEqualTo(1);
    assertThat(score.terms()).extracting(ScoreTerm::name).containsExactly("acs", "score");
  }

  @Test
  void shouldIgnoreFixedFindingsEvenWhenTheyWereTheWorst() {
    AssetRiskScore withFixed =
        scorer.score(
            server,
            List.of(new AssetFinding("open", 50, true), new AssetFinding("fixed", 99, false)));
    AssetRiskScore without = scorer.score(server, List.of(new AssetFinding("open", 50, true)));
    assertThat(withFixed.score()).isEqualTo(without.score()).isEqualTo(202);
  }

  @Test
  void shouldWeighTheTopFindingByItsBand() {
    assertThat(AssetRiskScorer.g(QdsBand.CRITICAL)).isEqualByComparingTo("1.3");
    assertThat(AssetRiskScorer.g(QdsBand.HIGH)).isEqualByComparingTo("1.1");
    assertThat(AssetRiskScorer.g(QdsBand.MEDIUM)).isEqualByComparingTo("1");
    assertThat(AssetRiskScorer.g(QdsBand.LOW)).isEqualByComparingTo("1");
    // 89 × 1.1 + 0.6 = 98.5 and 90 × 1.3 + 1 = 118: crossing a band boundary jumps
    assertThat(
            scorer
                .score(new Criticality(1, "test"), List.of(new AssetFinding("a", 89, true)))
                .score())
        .isEqualTo(99);
    assertThat(
            scorer
                .score(new Criticality(1, "test"), List.of(new AssetFinding("a", 90, true)))
                .score())
        .isEqualTo(118);
  }

  @Test
  void shouldUseConfiguredWeights() {
    AssetRiskScorer flat =
        new AssetRiskScorer(
            new RiskWeights(new BigDecimal("2"), BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO));
    AssetRiskScore score =
        flat.score(
            new Criticality(2, "test"),
            List.of(
                new AssetFinding("a", 95, true),
                new AssetFinding("b", 95, true),
                new AssetFinding("c", 20, true)));
    // 2 × (95 × 1.3 + 2 × 2 + 1 × 0) = 255
    assertThat(score.score()).isEqualTo(255);
    assertThat(score.formula()).contains("count(critical)·2").contains("count(low)·0");
  }

  @Test
  void shouldNameTheTopFindingDeterministically() {
    AssetRiskScore score =
        scorer.score(
            server, List.of(new AssetFinding("b", 90, true), new AssetFinding("a", 90, true)));
    assertThat(score.terms().get(1).inputs()).containsEntry("findingId", "a");
  }

  @Test
  void shouldExplainItselfAsJson() throws Exception {
    AssetRiskScore score =
        scorer.score(
            server, List.of(new AssetFinding("f1", 94, true), new AssetFinding("f2", 64, true)));
    JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(score));
    // 4 × (94 × 1.3 + 1 + 0.4) = 494.4
    assertThat(json.path("score").asInt()).isEqualTo(494);
    assertThat(json.path("band").asText()).isEqualTo("LOW");
    assertThat(json.path("acs").asInt()).isEqualTo(4);
    assertThat(json.path("terms"))
        .extracting(t -> t.path("name").asText())
        .containsExactly(
            "acs",
            "maxQds",
            "count.critical",
            "count.high",
            "count.medium",
            "count.low",
            "bracket",
            "product",
            "score");
    assertThat(json.path("terms").get(0).path("description").asText())
        .isEqualTo("Asset criticality 4 (default for Server)");
    assertThat(json.path("terms").get(1).path("inputs").path("findingId").asText()).isEqualTo("f1");
  }

  @Test
  void shouldValidateAndRoundTripTheWeights() {
    RiskWeights weights =
        new RiskWeights(
            new BigDecimal("1.5"),
            new BigDecimal("0.75"),
            new BigDecimal("0.25"),
            new BigDecimal("0.05"));
    assertThat(RiskWeights.fromJson(weights.toJson())).isEqualTo(weights);
    assertThat(RiskWeights.defaults().toJson())
        .isEqualTo("{\"critical\":1,\"high\":0.6,\"medium\":0.4,\"low\":0.2}");
    assertThatThrownBy(
            () -> new RiskWeights(BigDecimal.ONE, new BigDecimal("-1"), null, new BigDecimal("11")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "high weight must be 0..10, not -1; medium weight is required;"
                + " low weight must be 0..10, not 11");
  }

  @Test
  void shouldDefaultTheCriticalityFromTheAssetTypeAndRoundTripEdits() {
    AssetCriticality defaults = AssetCriticality.defaults();
    assertThat(defaults.forType("domain controller"))
        .isEqualTo(new Criticality(5, "default for domain controller"));
    assertThat(defaults.forType("Server").acs()).isEqualTo(4);
    assertThat(defaults.forType("Workstation").acs()).isEqualTo(2);
    assertThat(defaults.forType("Mobile").acs()).isEqualTo(1);
    assertThat(defaults.forType(null))
        .isEqualTo(new Criticality(3, "default for an asset of unknown type"));
    assertThat(defaults.forType("Printer").acs()).isEqualTo(3);

    AssetCriticality edited = new AssetCriticality(Map.of("Server", 5, "Kiosk", 1), 2);
    AssetCriticality back = AssetCriticality.fromJson(edited.toJson());
    assertThat(back.forType("kiosk").acs()).isEqualTo(1);
    assertThat(back.otherwise()).isEqualTo(2);
    assertThatThrownBy(() -> new AssetCriticality(Map.of("Server", 6), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("byAssetType 'Server': ACS must be 1..5, not 6")
        .hasMessageContaining("otherwise: ACS must be 1..5, not 0");
    assertThatThrownBy(() -> Criticality.setByUser(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
