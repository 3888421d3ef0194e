package dev.sightline.platform.rescoring;

import dev.sightline.platform.rescoring.AssetScoring.ScoredFinding;
import dev.sightline.platform.rescoring.ScoreInputs.AssetInput;
import dev.sightline.platform.scoring.AssetFinding;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores findings as the lifecycle writes them. A finding's QDS depends on its detections and their
 * CVE's intelligence, not on its state, so it is computed before the lifecycle writes the finding,
 * and the row is written once, with its state and its score. An asset's risk depends on which
 * findings count, which the lifecycle decides, so it follows the write. Before, a run's lifecycle
 * wrote every new finding and scoring rewrote each one afterwards: a million rows written twice on
 * a first sync.
 */
public final class ScoresAsWritten {
  private final ScoringSettings settings;
  private final AssetScoring scoring = new AssetScoring();

  public ScoresAsWritten(ScoringSettings settings) {
    this.settings = settings;
  }

  /** A finding as the lifecycle left it: its id and whether it counts towards its asset's risk. */
  public record Written(long assetId, String findingKey, long findingId, boolean counts) {}

  /** The scores of every finding the detections of these assets make, written or not. */
  public Batch score(Connection c, List<Long> assetIds, Instant now) throws SQLException {
    ScoringSettings.Snapshot snapshot = settings.snapshot(c);
    List<AssetInput> assets = ScoreInputs.loadUnwritten(c, assetIds, now);
    Map<Key, ScoredFinding> byKey = new HashMap<>();
    Map<Long, List<ScoredFinding>> byAsset = new HashMap<>();
    for (AssetInput asset : assets) {
      List<ScoredFinding> findings = scoring.findings(asset, snapshot);
      byAsset.put(asset.assetId(), findings);
      for (ScoredFinding f : findings) {
        byKey.put(new Key(f.input().assetId(), f.input().findingKey()), f);
      }
    }
    return new Batch(snapshot, assets, byAsset, byKey);
  }

  private record Key(long assetId, String findingKey) {}

  /** The findings' scores for one batch of assets, and the assets' risk once they are written. */
  public final class Batch {
    private final ScoringSettings.Snapshot snapshot;
    private final List<AssetInput> assets;
    private final Map<Long, List<ScoredFinding>> byAsset;
    private final Map<Key, ScoredFinding> byKey;

    private Batch(
        ScoringSettings.Snapshot snapshot,
        List<AssetInput> assets,
        Map<Long, List<ScoredFinding>> byAsset,
        Map<Key, ScoredFinding> byKey) {
      this.snapshot = snapshot;
      this.assets = assets;
      this.byAsset = byAsset;
      this.byKey = byKey;
    }

    /**
     * The scores as arrays for one {@code unnest(asset_id, finding_key, qds, band, method)}: the
     * lifecycle joins them to the findings it writes.
     */
    public Object[] columns() {
      int n = byKey.size();
      Long[] ids = new Long[n];
      String[] keys = new String[n];
      Integer[] qds = new Integer[n];
      String[] bands = new String[n];
      String[] methods = new String[n];
      int i = 0;
      for (ScoredFinding f : byKey.values()) {
        ids[i] = f.input().assetId();
        keys[i] = f.input().findingKey();
        qds[i] = f.score().qds();
        bands[i] = f.score().band().name();
        methods[i] = f.score().method().name();
        i++;
      }
      return new Object[] {ids, keys, qds, bands, methods};
    }

    /**
     * Each asset's risk over its findings as the lifecycle wrote them, stored; returns how many
     * assets' scores changed.
     */
    public long writeRisks(Connection c, List<Written> written, Instant now) throws SQLException {
      Map<Long, List<AssetFinding>> counted = new HashMap<>();
      for (Written w : written) {
        ScoredFinding f = byKey.get(new Key(w.assetId(), w.findingKey()));
        if (f == null) {
          throw new IllegalStateException(
              "the lifecycle wrote a finding scoring did not see: asset "
                  + w.assetId()
                  + ", key "
                  + w.findingKey());
        }
        counted
            .computeIfAbsent(w.assetId(), k -> new ArrayList<>())
            .add(new AssetFinding(String.valueOf(w.findingId()), f.score().qds(), w.counts()));
      }
      AssetScoreWrites writes = new AssetScoreWrites();
      for (AssetInput asset : assets) {
        writes.add(
            scoring.risk(
                asset,
                byAsset.getOrDefault(asset.assetId(), List.of()),
                counted.getOrDefault(asset.assetId(), List.of()),
                snapshot));
      }
      return writes.write(c, now);
    }

    /** The assets scored. */
    public int assets() {
      return assets.size();
    }
  }
}
