package dev.sightline.server.scoring;

import dev.sightline.platform.rescoring.AssetScores;
import dev.sightline.platform.scoring.AssetRiskScore;
import dev.sightline.platform.scoring.FindingScore;
import dev.sightline.platform.scoring.ScoreTerm;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An asset's score explained: its risk term by term, each finding's QDS with its terms, and the
 * stored score beside them ({@code storedScore} null before the first scoring; {@code
 * rescorePending} while a change waits to reach it).
 */
record ScoreExplanationResponse(
    long assetId,
    String assetType,
    Risk risk,
    List<FindingLine> findings,
    Integer storedScore,
    Instant scoredAt,
    boolean rescorePending) {

  /** The asset's risk (0–1000), its band, the ACS used and the steps that made it. */
  record Risk(
      int score,
      String band,
      int acs,
      String formula,
      int openFindings,
      int excludedFindings,
      List<Term> terms) {
    static Risk from(AssetRiskScore r) {
      return new Risk(
          r.score(),
          r.band().name(),
          r.acs(),
          r.formula(),
          r.openFindings(),
          r.excludedFindings(),
          Term.all(r.terms()));
    }
  }

  /** One finding's part in the asset's score. */
  record FindingLine(long findingId, String cveId, String state, Score score) {
    static FindingLine from(AssetScores.FindingLine l) {
      return new FindingLine(l.findingId(), l.cveId(), l.state(), Score.from(l.score()));
    }
  }

  /** A finding's QDS (1–100), its band, the rule that scored it and the steps. */
  record Score(int qds, String band, String method, String rule, List<Term> terms) {
    static Score from(FindingScore s) {
      return new Score(s.qds(), s.band().name(), s.method().name(), s.rule(), Term.all(s.terms()));
    }
  }

  /**
   * One step of a score: what it is, what went in and what came out. {@code inputs}: the figures
   * the step used, named by the step (they differ per step, hence keyed values; a value may be
   * null, "not known").
   */
  record Term(String name, String description, Map<String, Object> inputs, BigDecimal value) {
    static List<Term> all(List<ScoreTerm> terms) {
      return terms.stream()
          .map(t -> new Term(t.name(), t.description(), t.inputs(), t.value()))
          .toList();
    }
  }

  static ScoreExplanationResponse from(AssetScores.Explanation e) {
    return new ScoreExplanationResponse(
        e.assetId(),
        e.assetType(),
        Risk.from(e.risk()),
        e.findings().stream().map(FindingLine::from).toList(),
        e.storedScore(),
        e.scoredAt(),
        e.rescorePending());
  }
}
