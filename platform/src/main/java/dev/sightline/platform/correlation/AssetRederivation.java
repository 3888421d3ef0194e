package dev.sightline.platform.correlation;

import dev.sightline.platform.correlation.AssetCorrelator.Keys;
import dev.sightline.platform.db.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Re-derives assets after some of their source records were removed (a connector purged with its
 * records): an asset left without records goes; the records left in an asset stay together only as
 * far as the link rules still join them without the removed ones, each link explained anew where it
 * went through a removed record; the records nothing joins any more are correlated afresh, so they
 * join another asset or found their own. Keeps the asset (its id, criticality and findings'
 * decisions) for the records that stay together. Runs in the caller's transaction, which must hold
 * the inventory lock.
 */
public final class AssetRederivation {

  private record Member(Keys keys, LinkRule rule, Long linkedTo) {
    boolean founder() {
      return rule == LinkRule.NEW_ASSET
          || rule == LinkRule.SPLIT_BY_USER
          || rule == LinkRule.KEPT_AFTER_PURGE;
    }
  }

  private record Relink(long source, LinkRule rule, String values, Long linkedTo) {}

  /**
   * Re-derives the given assets, whose removed records are already deleted.
   *
   * @return the assets whose records changed and that still exist, including any the correlation of
   *     detached records founded: their findings and scores must be recomputed
   */
  public List<Long> afterRemoval(Connection c, Collection<Long> assetIds, Instant now)
      throws SQLException {
    if (assetIds.isEmpty()) {
      return List.of();
    }
    Long[] ids = assetIds.toArray(new Long[0]);
    Jdbc.update(
        c,
        "DELETE FROM asset a WHERE a.id = ANY(?)"
            + " AND NOT EXISTS (SELECT 1 FROM source_asset s WHERE s.asset_id = a.id)",
        (Object) ids);
    Map<Long, List<Member>> byAsset = members(c, ids);
    Set<Set<Long>> splits = splits(c, ids);
    List<Relink> relinks = new ArrayList<>();
    List<Long> detached = new ArrayList<>();
    for (List<Member> members : byAsset.values()) {
      regroup(members, splits, relinks, detached);
    }
    write(c, relinks, now);
    Set<Long> affected = new LinkedHashSet<>(byAsset.keySet());
    if (!detached.isEmpty()) {
      Jdbc.update(
          c,
          "UPDATE source_asset SET asset_id = NULL, link_rule = NULL, link_values = NULL,"
              + " linked_to = NULL, linked_at = NULL WHERE id = ANY(?)",
          (Object) detached.toArray(new Long[0]));
      new AssetCorrelator().correlate(c, detached, now);
      affected.addAll(
          Jdbc.query(
              c,
              "SELECT DISTINCT asset_id FROM source_asset WHERE id = ANY(?)",
              rs -> rs.getLong(1),
              (Object) detached.toArray(new Long[0])));
    }
    Jdbc.update(
        c, "UPDATE asset SET updated_at = ? WHERE id = ANY(?)", now, affected.toArray(new Long[0]));
    return List.copyOf(affected);
  }

  /**
   * Keeps together the records the rules still join, starting from the asset's founder (or its
   * oldest record); a record a user split from one already kept is not joined.
   */
  private static void regroup(
      List<Member> members, Set<Set<Long>> splits, List<Relink> relinks, List<Long> detached) {
    Member anchor = members.stream().filter(Member::founder).findFirst().orElse(members.get(0));
    Map<Long, Member> kept = new LinkedHashMap<>();
    kept.put(anchor.keys().id(), anchor);
    Map<Long, Relink> reasons = new LinkedHashMap<>();
    Deque<Member> frontier = new ArrayDeque<>(List.of(anchor));
    while (!frontier.isEmpty()) {
      Member from = frontier.poll();
      for (Member m : members) {
        long id = m.keys().id();
        if (kept.containsKey(id) || splitFromAny(id, kept.keySet(), splits)) {
          continue;
        }
        Optional<LinkRule> rule = AssetCorrelator.ruleFor(m.keys(), from.keys());
        if (rule.isPresent()) {
          kept.put(id, m);
          frontier.add(m);
          reasons.put(
              id,
              new Relink(
                  id,
                  rule.get(),
                  AssetCorrelator.matchedValues(rule.get(), m.keys(), from.keys()),
                  from.keys().id()));
        }
      }
    }
    for (Member m : members) {
      long id = m.keys().id();
      if (!kept.containsKey(id)) {
        detached.add(id);
      } else if (m == anchor) {
        if (!m.founder() && (m.linkedTo() == null || !kept.containsKey(m.linkedTo()))) {
          relinks.add(new Relink(id, LinkRule.KEPT_AFTER_PURGE, null, null));
        }
      } else if (m.founder() || m.linkedTo() == null || !kept.containsKey(m.linkedTo())) {
        // Its link went through a removed record (or it founded the asset and was joined later).
        relinks.add(reasons.get(id));
      }
    }
  }

  private static boolean splitFromAny(long id, Set<Long> kept, Set<Set<Long>> splits) {
    for (long other : kept) {
      if (splits.contains(Set.of(Math.min(id, other), Math.max(id, other)))) {
        return true;
      }
    }
    return false;
  }

  private static Map<Long, List<Member>> members(Connection c, Long[] assetIds)
      throws SQLException {
    Map<Long, List<Member>> byAsset = new LinkedHashMap<>();
    Jdbc.query(
        c,
        "SELECT id, asset_id, key_cloud, key_serial, key_manufacturer, key_macs, key_virtual_macs,"
            + " key_host, key_domain, link_rule, linked_to FROM source_asset"
            + " WHERE asset_id = ANY(?) ORDER BY asset_id, id",
        rs -> {
          String rule = rs.getString("link_rule");
          byAsset
              .computeIfAbsent(rs.getLong("asset_id"), k -> new ArrayList<>())
              .add(
                  new Member(
                      AssetCorrelator.keys(rs),
                      rule == null ? null : LinkRule.valueOf(rule),
                      (Long) rs.getObject("linked_to")));
          return null;
        },
        (Object) assetIds);
    return byAsset;
  }

  /** The pairs a user split, among the records of the given assets. */
  private static Set<Set<Long>> splits(Connection c, Long[] assetIds) throws SQLException {
    Set<Set<Long>> pairs = new HashSet<>();
    Jdbc.query(
        c,
        "SELECT sp.source_a, sp.source_b FROM asset_split sp"
            + " JOIN source_asset a ON a.id = sp.source_a WHERE a.asset_id = ANY(?)",
        rs -> pairs.add(Set.of(rs.getLong(1), rs.getLong(2))),
        (Object) assetIds);
    return pairs;
  }

  private static void write(Connection c, List<Relink> relinks, Instant now) throws SQLException {
    if (relinks.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE source_asset SET link_rule = ?, link_values = ?::jsonb, linked_to = ?,"
                + " linked_at = ? WHERE id = ?")) {
      OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
      for (Relink r : relinks) {
        ps.setString(1, r.rule().name());
        ps.setString(2, r.values());
        if (r.linkedTo() == null) {
          ps.setNull(3, Types.BIGINT);
        } else {
          ps.setLong(3, r.linkedTo());
        }
        ps.setObject(4, at);
        ps.setLong(5, r.source());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
