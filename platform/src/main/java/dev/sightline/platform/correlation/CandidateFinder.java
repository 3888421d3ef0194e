package dev.sightline.platform.correlation;

import dev.sightline.platform.correlation.AssetCorrelator.Keys;
import dev.sightline.platform.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The link candidates of one page's records: the stored records sharing a key (looked up for the
 * whole page in one query, so it is planned once), plus the records of this page already linked,
 * kept in a page-local index. Candidates come strongest key first; assets holding a record a user
 * split from the one being linked are left out.
 */
final class CandidateFinder {
  private static final String COLUMNS =
      "s.id, s.asset_id, s.key_cloud, s.key_serial,"
          + " s.key_manufacturer, s.key_macs, s.key_virtual_macs, s.key_host, s.key_domain";

  private static final String PAGE_CANDIDATES =
      "SELECT m.id AS for_id, c.* FROM"
          + " unnest(?::bigint[], ?::text[], ?::text[], ?::text[]) AS m(id, cloud, serial, host)"
          + " CROSS JOIN LATERAL ("
          + branch(1, "m.cloud IS NOT NULL AND s.key_cloud = m.cloud", 5)
          + " UNION ALL "
          + branch(2, "m.serial IS NOT NULL AND s.key_serial = m.serial", 5)
          + " UNION ALL "
          + branch(4, "m.host IS NOT NULL AND s.key_host = m.host", 10)
          + ") c"
          + " UNION ALL SELECT m.id AS for_id, c.* FROM unnest(?::bigint[], ?::text[]) AS m(id, mac)"
          + " CROSS JOIN LATERAL ("
          + branch(3, "s.key_macs @> ARRAY[m.mac]", 5)
          + ") c";

  private record Candidate(int order, Keys keys) {}

  private final Map<Long, List<Candidate>> stored;
  private final Map<Long, Set<Long>> splitAssets;
  private final Map<String, List<Keys>> byCloud = new HashMap<>();
  private final Map<String, List<Keys>> bySerial = new HashMap<>();
  private final Map<String, List<Keys>> byMac = new HashMap<>();
  private final Map<String, List<Keys>> byHost = new HashMap<>();

  private CandidateFinder(Map<Long, List<Candidate>> stored, Map<Long, Set<Long>> splitAssets) {
    this.stored = stored;
    this.splitAssets = splitAssets;
  }

  private static String branch(int order, String condition, int limit) {
    // No ORDER BY: it would let the planner walk the primary key instead of the key's index.
    return "(SELECT "
        + order
        + " AS ord, "
        + COLUMNS
        + " FROM source_asset s WHERE "
        + condition
        + " AND s.asset_id IS NOT NULL AND s.id <> m.id LIMIT "
        + limit
        + ")";
  }

  static CandidateFinder forPage(Connection c, List<Keys> page) throws SQLException {
    Map<Long, List<Candidate>> stored = new HashMap<>();
    if (page.isEmpty()) {
      return new CandidateFinder(stored, Map.of());
    }
    List<Long> macIds = new ArrayList<>();
    List<String> macs = new ArrayList<>();
    for (Keys k : page) {
      k.macs()
          .forEach(
              mac -> {
                macIds.add(k.id());
                macs.add(mac);
              });
    }
    Jdbc.query(
        c,
        PAGE_CANDIDATES,
        rs -> {
          stored
              .computeIfAbsent(rs.getLong("for_id"), k -> new ArrayList<>())
              .add(new Candidate(rs.getInt("ord"), AssetCorrelator.keys(rs)));
          return null;
        },
        column(page, Keys::id, Long[]::new),
        column(page, Keys::cloud, String[]::new),
        column(page, Keys::serial, String[]::new),
        column(page, Keys::host, String[]::new),
        macIds.toArray(new Long[0]),
        macs.toArray(new String[0]));
    return new CandidateFinder(stored, splitAssets(c, page));
  }

  /** For each record of the page, the assets of the records a user split from it. */
  private static Map<Long, Set<Long>> splitAssets(Connection c, List<Keys> page)
      throws SQLException {
    Long[] ids = column(page, Keys::id, Long[]::new);
    Map<Long, Set<Long>> out = new HashMap<>();
    Jdbc.query(
        c,
        "SELECT sp.source_a, sp.source_b, a.asset_id AS a_asset, b.asset_id AS b_asset"
            + " FROM asset_split sp JOIN source_asset a ON a.id = sp.source_a"
            + " JOIN source_asset b ON b.id = sp.source_b"
            + " WHERE sp.source_a = ANY(?) OR sp.source_b = ANY(?)",
        rs -> {
          addIfPresent(out, rs.getLong("source_a"), (Long) rs.getObject("b_asset"));
          addIfPresent(out, rs.getLong("source_b"), (Long) rs.getObject("a_asset"));
          return null;
        },
        ids,
        ids);
    return out;
  }

  private static void addIfPresent(Map<Long, Set<Long>> out, long source, Long asset) {
    if (asset != null) {
      out.computeIfAbsent(source, k -> new HashSet<>()).add(asset);
    }
  }

  private static <T> T[] column(
      List<Keys> page, Function<Keys, Object> get, java.util.function.IntFunction<T[]> array) {
    @SuppressWarnings("unchecked")
    T[] out = page.stream().map(k -> (T) get.apply(k)).toArray(array);
    return out;
  }

  /** Candidates for one record, strongest key first, never the record itself. */
  List<Keys> candidatesFor(Keys me) {
    Map<Long, Candidate> all = new LinkedHashMap<>();
    stored
        .getOrDefault(me.id(), List.of())
        .forEach(cand -> all.putIfAbsent(cand.keys().id(), cand));
    local(all, 1, byCloud, me.cloud());
    local(all, 2, bySerial, me.serial());
    me.macs().forEach(mac -> local(all, 3, byMac, mac));
    local(all, 4, byHost, me.host());
    Set<Long> forbidden = splitAssets.getOrDefault(me.id(), Set.of());
    return all.values().stream()
        .filter(cand -> cand.keys().id() != me.id())
        .filter(cand -> !forbidden.contains(cand.keys().assetId()))
        .sorted(
            Comparator.comparingInt(Candidate::order).thenComparingLong(cand -> cand.keys().id()))
        .map(Candidate::keys)
        .toList();
  }

  private static void local(
      Map<Long, Candidate> all, int order, Map<String, List<Keys>> index, String key) {
    if (key != null) {
      index
          .getOrDefault(key, List.of())
          .forEach(
              k -> {
                Candidate existing = all.get(k.id());
                if (existing == null || existing.order() > order) {
                  all.put(k.id(), new Candidate(order, k));
                }
              });
    }
  }

  /** Remembers a record of this page once it has an asset, for the records after it. */
  void linked(Keys me, long assetId) {
    Keys k =
        new Keys(
            me.id(),
            assetId,
            me.cloud(),
            me.serial(),
            me.manufacturer(),
            me.macs(),
            me.virtualMacs(),
            me.host(),
            me.domain());
    add(byCloud, k.cloud(), k);
    add(bySerial, k.serial(), k);
    k.macs().forEach(mac -> add(byMac, mac, k));
    add(byHost, k.host(), k);
  }

  private static void add(Map<String, List<Keys>> index, String key, Keys k) {
    if (key != null) {
      index.computeIfAbsent(key, x -> new ArrayList<>()).add(k);
    }
  }
}
