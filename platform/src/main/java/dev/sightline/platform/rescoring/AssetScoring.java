package dev.sightline.platform.rescoring;

import dev.sightline.platform.rescoring.ScoreInputs.AssetInput;
import dev.sightline.platform.rescoring.ScoreInputs.FindingInput;
import dev.sightline.platform.scoring.AssetFinding;
import dev.sightline.platform.scoring.AssetRiskScore;
import dev.sightline.platform.scoring.AssetRiskScorer;
import dev.sightline.platform.scoring.Criticality;
import dev.sightline.platform.scoring.FindingScore;
import dev.sightline.platform.scoring.FindingScorer;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores one asset from its inputs and the settings: every finding's QDS (fixed ones too, so a
 * reopened finding shows its score at once), then the asset's risk over the findings that count.
 * The stored scores and the explanations both come from here, so they cannot disagree.
 */
final class AssetScoring {
  private final FindingScorer findingScorer = new FindingScorer();

  /** A finding and its score. */
  record ScoredFinding(FindingInput input, FindingScore score) {}

  /** An asset's criticality, risk and every finding's score. */
  record ScoredAsset(
      AssetInput input,
      Criticality criticality,
      AssetRiskScore risk,
      List<ScoredFinding> findings) {}

  ScoredAsset score(AssetInput asset, ScoringSettings.Snapshot settings) {
    List<ScoredFinding> findings = findings(asset, settings);
    List<AssetFinding> counted = new ArrayList<>(findings.size());
    for (ScoredFinding f : findings) {
      counted.add(
          new AssetFinding(
              String.valueOf(f.input().findingId()), f.score().qds(), f.input().counts()));
    }
    return risk(asset, findings, counted, settings);
  }

  /** Every finding's QDS: from its detections' evidence alone, whatever its state. */
  List<ScoredFinding> findings(AssetInput asset, ScoringSettings.Snapshot settings) {
    List<ScoredFinding> findings = new ArrayList<>(asset.findings().size());
    for (FindingInput f : asset.findings()) {
      FindingScore score =
          findingScorer.score(
              f.evidence(), settings.mappingFor(f.connectorId(), f.connectorType()));
      findings.add(new ScoredFinding(f, score));
    }
    return findings;
  }

  /**
   * The asset's criticality and its risk over {@code counted}, its findings as the formula sees
   * them.
   */
  ScoredAsset risk(
      AssetInput asset,
      List<ScoredFinding> findings,
      List<AssetFinding> counted,
      ScoringSettings.Snapshot settings) {
    Criticality criticality =
        asset.userCriticality() != null
            ? new Criticality(
                asset.userCriticality(),
                asset.criticalityNote() == null
                    ? "set by a user"
                    : "set by a user: " + asset.criticalityNote())
            : settings.criticality().forType(asset.assetType());
    AssetRiskScore risk = new AssetRiskScorer(settings.weights()).score(criticality, counted);
    return new ScoredAsset(asset, criticality, risk, findings);
  }
}
