package dev.sightline.platform.correlation;

import dev.sightline.platform.db.InventoryLock;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.platform.errors.NotFoundException;
import dev.sightline.platform.lifecycle.FindingLifecycle;
import dev.sightline.platform.rescoring.RescoreQueue;
import dev.sightline.platform.rescoring.ScoreRefresher;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits a wrong merge. The split is remembered as pairs of source records that must never be
 * linked again, so it survives every later run.
 */
public final class AssetLinks {
  private final Jdbc jdbc;
  private final Clock clock;

  private final ScoreRefresher refresher;

  /**
   * @param refresher rescores what a split touched, in the split's own transaction
   */
  public AssetLinks(Jdbc jdbc, Clock clock, ScoreRefresher refresher) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.refresher = refresher;
  }

  /** What an unlink did: the asset it split and the assets the detached sources now form. */
  public record Split(long assetId, List<Long> newAssetIds) {}

  /**
   * Detaches the given source records (all but the first, when none are named) from the asset.
   * Named sources move together into one new asset; with none named, each moves on its own.
   */
  public Split unlink(long assetId, List<Long> sourceIds) {
    Instant now = clock.instant();
    return jdbc.inTransaction(
        c -> {
          InventoryLock.hold(c);
          List<Long> members =
              Jdbc.query(
                  c,
                  "SELECT id FROM source_asset WHERE asset_id = ? ORDER BY id FOR UPDATE",
                  rs -> rs.getLong(1),
                  assetId);
          if (members.isEmpty()) {
            throw new NotFoundException("No asset has id " + assetId);
          }
          if (members.size() == 1) {
            throw new InvalidRequestException(
                "sources",
                "asset " + assetId + " has a single source record: there is nothing to unlink");
          }
          Set<Long> named = new LinkedHashSet<>(sourceIds);
          if (!members.containsAll(named)) {
            throw new InvalidRequestException(
                "sources",
                "source records "
                    + named
                    + " are not all part of asset "
                    + assetId
                    + "; its sources are "
                    + members);
          }
          if (named.size() == members.size()) {
            throw new InvalidRequestException(
                "sources",
                "name only the sources to detach; at least one must stay with asset " + assetId);
          }
          List<List<Long>> groups = new ArrayList<>();
          if (named.isEmpty()) {
            members.stream().skip(1).forEach(id -> groups.add(List.of(id)));
          } else {
            groups.add(List.copyOf(named));
          }
          List<Long> remaining = new ArrayList<>(members);
          groups.forEach(remaining::removeAll);
          List<Long> created = new ArrayList<>();
          for (List<Long> group : groups) {
            long asset = AssetCorrelator.newAsset(c, now);
            created.add(asset);
            for (long source : group) {
              Jdbc.update(
                  c,
                  "UPDATE source_asset SET asset_id = ?, link_rule = ?, link_values = NULL,"
                      + " linked_to = NULL, linked_at = ? WHERE id = ?",
                  asset,
                  LinkRule.SPLIT_BY_USER.name(),
                  now,
                  source);
            }
          }
          // Every detached group is kept apart from the rest and from every other group.
          List<List<Long>> sides = new ArrayList<>(groups);
          sides.add(remaining);
          for (int i = 0; i < sides.size(); i++) {
            for (int j = i + 1; j < sides.size(); j++) {
              for (long a : sides.get(i)) {
                for (long b : sides.get(j)) {
                  Jdbc.update(
                      c,
                      "INSERT INTO asset_split (source_a, source_b, created_at)"
                          + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                      Math.min(a, b),
                      Math.max(a, b),
                      now);
                }
              }
            }
          }
          Jdbc.update(c, "UPDATE asset SET updated_at = ? WHERE id = ?", now, assetId);
          List<Long> touched = new ArrayList<>(created);
          touched.add(assetId);
          new FindingLifecycle().recompute(c, touched, null, now);
          RescoreQueue.enqueue(c, touched, now);
          refresher.rescoreWithin(c, touched);
          return new Split(assetId, created);
        });
  }
}
