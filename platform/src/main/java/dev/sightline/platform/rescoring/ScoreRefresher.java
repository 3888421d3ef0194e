package dev.sightline.platform.rescoring;

import dev.sightline.platform.db.InventoryLock;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.rescoring.AssetScoring.ScoredAsset;
import dev.sightline.platform.rescoring.AssetScoring.ScoredFinding;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * Drains the rescore queue: a batch of 1,000 assets at a time, each batch one transaction that
 * reads the inputs, scores, writes only the scores that changed and takes the batch off the queue.
 * Memory is bounded by the batch, whatever the size of the estate.
 */
public final class ScoreRefresher {
  // About 10,000 findings a batch: few enough to hold, many enough that each statement's fixed
  // cost (round trips, planning) is spread thin.
  static final int BATCH = 1000;

  private final Jdbc jdbc;
  private final ScoringSettings settings;
  private final Clock clock;
  private final AssetScoring scoring = new AssetScoring();

  public ScoreRefresher(Jdbc jdbc, ScoringSettings settings, Clock clock) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * What a drain did.
   *
   * @param assetsScored assets taken off the queue and scored
   * @param assetsChanged of those, assets whose risk or criticality used changed
   * @param findingsChanged findings whose QDS, band or method changed
   */
  public record Outcome(long assetsScored, long assetsChanged, long findingsChanged) {
    Outcome plus(Outcome o) {
      return new Outcome(
          assetsScored + o.assetsScored,
          assetsChanged + o.assetsChanged,
          findingsChanged + o.findingsChanged);
    }
  }

  /** Rescores every queued asset; {@code progress} hears the running count of scored assets. */
  public Outcome drain(LongConsumer progress) {
    jdbc.inTransaction(
        c -> {
          InventoryLock.hold(c);
          return RescoreQueue.enqueueExpiredDecisions(c, clock.instant());
        });
    Outcome total = new Outcome(0, 0, 0);
    while (true) {
      Outcome batch = jdbc.inTransaction(this::batch);
      if (batch.assetsScored() == 0) {
        return total;
      }
      total = total.plus(batch);
      progress.accept(total.assetsScored());
    }
  }

  public Outcome drain() {
    return drain(n -> {});
  }

  /**
   * Rescores the queued assets that have a source record of this connector: what a run of it
   * touched. The rest of the queue (a settings change, another connector's run) is the background
   * rescoring's, so a run never waits on work it did not cause.
   */
  public Outcome drainConnector(java.util.UUID connectorId, LongConsumer progress) {
    Outcome total = new Outcome(0, 0, 0);
    while (true) {
      Outcome batch = jdbc.inTransaction(c -> batch(c, connectorId));
      if (batch.assetsScored() == 0) {
        return total;
      }
      total = total.plus(batch);
      progress.accept(total.assetsScored());
    }
  }

  private Outcome batch(Connection c, java.util.UUID connectorId) throws SQLException {
    InventoryLock.hold(c);
    List<Long> ids =
        Jdbc.query(
            c,
            "SELECT r.asset_id FROM asset_rescore r WHERE EXISTS (SELECT 1 FROM source_asset s"
                + " WHERE s.asset_id = r.asset_id AND s.connector_id = ?)"
                + " ORDER BY r.asset_id LIMIT ?",
            rs -> rs.getLong(1),
            connectorId,
            BATCH);
    return ids.isEmpty() ? new Outcome(0, 0, 0) : score(c, ids);
  }

  /**
   * Rescores these assets now, whatever else is queued: for a change a user waits on (a
   * criticality, a decision, a split), which touches a few assets.
   */
  public Outcome rescore(List<Long> assetIds) {
    Outcome total = new Outcome(0, 0, 0);
    for (int from = 0; from < assetIds.size(); from += BATCH) {
      List<Long> ids = assetIds.subList(from, Math.min(assetIds.size(), from + BATCH));
      total =
          total.plus(
              jdbc.inTransaction(
                  c -> {
                    InventoryLock.hold(c);
                    return score(c, ids);
                  }));
    }
    return total;
  }

  /**
   * Rescores these assets inside the caller's transaction, which holds the inventory lock: for a
   * change a user waits on, so the change and its scores commit together.
   */
  public Outcome rescoreWithin(Connection c, List<Long> assetIds) throws SQLException {
    Outcome total = new Outcome(0, 0, 0);
    for (int from = 0; from < assetIds.size(); from += BATCH) {
      total = total.plus(score(c, assetIds.subList(from, Math.min(assetIds.size(), from + BATCH))));
    }
    return total;
  }

  /**
   * Sets (or with null, clears back to the default for its type) an asset's criticality and
   * rescores the asset, in one transaction.
   */
  public void setAssetCriticality(long assetId, Integer acs, String note) {
    ScoringSettings.checkCriticality(acs, note);
    jdbc.inTransaction(
        c -> {
          InventoryLock.hold(c);
          settings.setAssetCriticality(c, assetId, acs, note);
          return rescoreWithin(c, List.of(assetId));
        });
  }

  private Outcome batch(Connection c) throws SQLException {
    InventoryLock.hold(c);
    List<Long> ids =
        Jdbc.query(
            c,
            "SELECT asset_id FROM asset_rescore ORDER BY asset_id LIMIT ?",
            rs -> rs.getLong(1),
            BATCH);
    return ids.isEmpty() ? new Outcome(0, 0, 0) : score(c, ids);
  }

  private Outcome score(Connection c, List<Long> ids) throws SQLException {
    Instant now = clock.instant();
    ScoringSettings.Snapshot snapshot = settings.snapshot(c);
    FindingWrites findings = new FindingWrites();
    AssetScoreWrites assets = new AssetScoreWrites();
    for (ScoreInputs.AssetInput input : ScoreInputs.load(c, ids, now)) {
      ScoredAsset scored = scoring.score(input, snapshot);
      scored.findings().forEach(findings::addIfChanged);
      assets.add(scored);
    }
    findings.write(c);
    long assetsChanged = assets.write(c, now);
    Jdbc.update(
        c, "DELETE FROM asset_rescore WHERE asset_id = ANY(?)", (Object) ids.toArray(new Long[0]));
    return new Outcome(assets.size(), assetsChanged, findings.size());
  }

  /** The findings whose stored score differs from the new one, written in one statement. */
  private static final class FindingWrites {
    private final List<Long> ids = new ArrayList<>();
    private final List<Integer> qds = new ArrayList<>();
    private final List<String> bands = new ArrayList<>();
    private final List<String> methods = new ArrayList<>();

    void addIfChanged(ScoredFinding f) {
      String band = f.score().band().name();
      String method = f.score().method().name();
      if (Objects.equals(f.input().storedQds(), f.score().qds())
          && band.equals(f.input().storedBand())
          && method.equals(f.input().storedMethod())) {
        return;
      }
      ids.add(f.input().findingId());
      qds.add(f.score().qds());
      bands.add(band);
      methods.add(method);
    }

    int size() {
      return ids.size();
    }

    void write(Connection c) throws SQLException {
      if (ids.isEmpty()) {
        return;
      }
      Jdbc.update(
          c,
          "UPDATE finding f SET qds = v.qds, qds_band = v.band, qds_method = v.method"
              + " FROM unnest(?::bigint[], ?::integer[], ?::text[], ?::text[])"
              + " AS v(id, qds, band, method) WHERE f.id = v.id",
          ids.toArray(new Long[0]),
          qds.toArray(new Integer[0]),
          bands.toArray(new String[0]),
          methods.toArray(new String[0]));
    }
  }
}
