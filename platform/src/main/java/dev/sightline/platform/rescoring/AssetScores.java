package dev.sightline.platform.rescoring;

import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.errors.NotFoundException;
import dev.sightline.platform.rescoring.AssetScoring.ScoredAsset;
import dev.sightline.platform.scoring.AssetRiskScore;
import dev.sightline.platform.scoring.FindingScore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Explains an asset's risk term by term: each counting finding's QDS from CVE intelligence and the
 * source's own signals (or the connector's severity mapping), then the asset formula over them. It
 * scores exactly as {@link ScoreRefresher} does, from what is stored now, and shows the stored
 * score beside it (they differ only while the asset waits in the rescore queue).
 */
public final class AssetScores {
  private final Jdbc jdbc;
  private final ScoringSettings settings;
  private final Clock clock;
  private final AssetScoring scoring = new AssetScoring();

  public AssetScores(Jdbc jdbc, ScoringSettings settings, Clock clock) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.clock = clock;
  }

  /** One finding's part in the asset's score. */
  public record FindingLine(long findingId, String cveId, String state, FindingScore score) {}

  /**
   * The asset's score and every finding that made it.
   *
   * @param storedScore the score lists and queries use (null before the asset's first scoring)
   * @param rescorePending true while a change waits to reach the stored score
   */
  public record Explanation(
      long assetId,
      String assetType,
      AssetRiskScore risk,
      List<FindingLine> findings,
      Integer storedScore,
      Instant scoredAt,
      boolean rescorePending) {}

  public Explanation explain(long assetId) {
    return jdbc.inTransaction(
        c -> {
          List<ScoreInputs.AssetInput> inputs =
              ScoreInputs.load(c, List.of(assetId), clock.instant());
          if (inputs.isEmpty()) {
            throw new NotFoundException("No asset has id " + assetId);
          }
          ScoredAsset scored = scoring.score(inputs.get(0), settings.snapshot(c));
          boolean pending =
              !Jdbc.query(c, "SELECT 1 FROM asset_rescore WHERE asset_id = ?", rs -> 1, assetId)
                  .isEmpty();
          ScoreInputs.AssetInput in = scored.input();
          return new Explanation(
              assetId,
              in.assetType(),
              scored.risk(),
              scored.findings().stream()
                  .filter(f -> f.input().counts())
                  .sorted(
                      java.util.Comparator.comparingInt(
                              (AssetScoring.ScoredFinding f) -> f.score().qds())
                          .reversed()
                          .thenComparingLong(f -> f.input().findingId()))
                  .map(
                      f ->
                          new FindingLine(
                              f.input().findingId(),
                              f.input().cveId(),
                              f.input().state(),
                              f.score()))
                  .toList(),
              in.storedRisk(),
              in.scoredAt(),
              pending);
        });
  }
}
