package dev.sightline.platform.correlation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.platform.db.Jdbc;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Links source records into assets by ordered rules on normalized keys: cloud instance id, BIOS
 * serial + manufacturer, a strong MAC, then host name + domain. A weaker rule never links records
 * whose stronger keys disagree (two machines named alike with different serials stay apart), and
 * pairs a user split are never linked again. Runs inside the page's transaction, one record at a
 * time, so records of the same page see each other's links.
 */
public final class AssetCorrelator {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The outcome for a page: how many records joined an existing asset, and how many new assets. */
  public record Outcome(long linked, long newAssets) {}

  record Keys(long id, Long assetId, String cloud, String serial, String manufacturer,
      List<String> macs, List<String> virtualMacs, String host, String domain) {}

  private record Candidate(LinkRule rule, Keys source) {}

  private static final String COLUMNS = "s.id, s.asset_id, s.key_cloud, s.key_serial,"
      + " s.key_manufacturer, s.key_macs, s.key_virtual_macs, s.key_host, s.key_domain";

  /**
   * One branch per key the record has (so every branch can use its index), the candidates of the
   * strongest first; assets holding a record the user split from this one are left out.
   */
  private static String candidatesSql(Keys me, List<Object> params) {
    List<String> branches = new ArrayList<>();
    if (me.cloud() != null) {
      branches.add(branch(1, "s.key_cloud = ?", 5));
      params.add(me.cloud());
    }
    if (me.serial() != null) {
      branches.add(branch(2, "s.key_serial = ?", 5));
      params.add(me.serial());
    }
    if (!me.macs().isEmpty()) {
      branches.add(branch(3, "s.key_macs && ?", 5));
      params.add(me.macs().toArray(new String[0]));
    }
    if (me.host() != null) {
      branches.add(branch(4, "s.key_host = ?", 10));
      params.add(me.host());
    }
    if (branches.isEmpty()) {
      return null;
    }
    for (int i = 0; i < 4; i++) {
      params.add(me.id());
    }
    return "SELECT * FROM (" + String.join(" UNION ALL ", branches) + ") c WHERE c.id <> ?"
        + " AND NOT EXISTS (SELECT 1 FROM asset_split sp JOIN source_asset m ON m.id ="
        + " CASE WHEN sp.source_a = ? THEN sp.source_b ELSE sp.source_a END"
        + " WHERE (sp.source_a = ? OR sp.source_b = ?) AND m.asset_id = c.asset_id)"
        + " ORDER BY ord, id";
  }

  private static String branch(int order, String condition, int limit) {
    // No ORDER BY here: ordering by id would let the planner walk the primary key past every
    // record instead of using the key's index; the outer query orders the few candidates.
    return "(SELECT " + order + " AS ord, " + COLUMNS + " FROM source_asset s WHERE " + condition
        + " AND s.asset_id IS NOT NULL LIMIT " + limit + ")";
  }

  /** Correlates the given source records (new or changed in this page). */
  public Outcome correlate(Connection c, List<Long> sourceIds, Instant now) throws SQLException {
    long linked = 0;
    long created = 0;
    for (Keys me : loadAll(c, sourceIds)) {
      Optional<Candidate> match = bestMatch(c, me);
      if (me.assetId() != null) {
        if (match.isPresent() && !match.get().source().assetId().equals(me.assetId())
            && aloneInItsAsset(c, me)) {
          long old = me.assetId();
          link(c, me, match.get(), now);
          Jdbc.update(c, "DELETE FROM asset WHERE id = ?", old);
          linked++;
        }
        continue;
      }
      if (match.isPresent()) {
        link(c, me, match.get(), now);
        linked++;
      } else {
        // One round trip: the new asset and the record's link to it.
        Jdbc.update(c, "WITH a AS (INSERT INTO asset (created_at, updated_at) VALUES (?, ?)"
            + " RETURNING id) UPDATE source_asset SET asset_id = (SELECT id FROM a),"
            + " link_rule = ?, link_values = NULL, linked_to = NULL, linked_at = ? WHERE id = ?",
            now, now, LinkRule.NEW_ASSET.name(), now, me.id());
        created++;
      }
    }
    return new Outcome(linked, created);
  }

  static long newAsset(Connection c, Instant now) throws SQLException {
    return Jdbc.query(c, "INSERT INTO asset (created_at, updated_at) VALUES (?, ?) RETURNING id",
        rs -> rs.getLong(1), now, now).get(0);
  }

  private static Optional<Candidate> bestMatch(Connection c, Keys me) throws SQLException {
    for (Keys other : candidates(c, me)) {
      Optional<LinkRule> rule = ruleFor(me, other);
      if (rule.isPresent()) {
        return Optional.of(new Candidate(rule.get(), other));
      }
    }
    return Optional.empty();
  }

  /** The strongest rule that links the two, unless a stronger key disagrees. */
  static Optional<LinkRule> ruleFor(Keys a, Keys b) {
    if (both(a.cloud(), b.cloud())) {
      return a.cloud().equals(b.cloud()) ? Optional.of(LinkRule.CLOUD_INSTANCE) : Optional.empty();
    }
    if (both(a.serial(), b.serial())) {
      boolean sameMaker = a.manufacturer() == null || b.manufacturer() == null
          || a.manufacturer().equals(b.manufacturer());
      return a.serial().equals(b.serial()) && sameMaker
          ? Optional.of(LinkRule.SERIAL_MANUFACTURER) : Optional.empty();
    }
    if (a.macs().stream().anyMatch(b.macs()::contains)) {
      return Optional.of(LinkRule.STRONG_MAC);
    }
    // Two machines named alike whose NICs all differ are two machines; a reimaged machine keeps
    // its NICs, and two vendors see the same NICs of one machine.
    if (nicsDisagree(a, b) || !both(a.host(), b.host()) || !a.host().equals(b.host())) {
      return Optional.empty();
    }
    if (both(a.domain(), b.domain())) {
      return a.domain().equals(b.domain())
          ? Optional.of(LinkRule.HOSTNAME_DOMAIN) : Optional.empty();
    }
    if (a.virtualMacs().stream().anyMatch(b.virtualMacs()::contains)) {
      return Optional.of(LinkRule.HOSTNAME_VIRTUAL_MAC);
    }
    return Optional.empty();
  }

  private static boolean nicsDisagree(Keys a, Keys b) {
    List<String> mine = new ArrayList<>(a.macs());
    mine.addAll(a.virtualMacs());
    List<String> theirs = new ArrayList<>(b.macs());
    theirs.addAll(b.virtualMacs());
    return !mine.isEmpty() && !theirs.isEmpty() && mine.stream().noneMatch(theirs::contains);
  }

  private static boolean both(String x, String y) {
    return x != null && y != null;
  }

  private static void link(Connection c, Keys me, Candidate match, Instant now)
      throws SQLException {
    ObjectNode values = JSON.createObjectNode();
    Keys other = match.source();
    switch (match.rule()) {
      case CLOUD_INSTANCE -> values.put("cloudInstanceId", me.cloud());
      case SERIAL_MANUFACTURER -> values.put("serial", me.serial())
          .put("manufacturer", me.manufacturer() == null ? other.manufacturer() : me.manufacturer());
      case STRONG_MAC -> values.set("macs", JSON.valueToTree(
          me.macs().stream().filter(other.macs()::contains).toList()));
      case HOSTNAME_DOMAIN -> values.put("host", me.host()).put("domain", me.domain());
      case HOSTNAME_VIRTUAL_MAC -> values.put("host", me.host()).set("virtualMacs",
          JSON.valueToTree(me.virtualMacs().stream().filter(other.virtualMacs()::contains)
              .toList()));
      default -> { }
    }
    Jdbc.update(c, "UPDATE source_asset SET asset_id = ?, link_rule = ?, link_values = ?::jsonb,"
        + " linked_to = ?, linked_at = ? WHERE id = ?", other.assetId(), match.rule().name(),
        values.toString(), other.id(), now, me.id());
    Jdbc.update(c, "UPDATE asset SET updated_at = ? WHERE id = ?", now, other.assetId());
  }

  private static boolean aloneInItsAsset(Connection c, Keys me) throws SQLException {
    return Jdbc.query(c, "SELECT count(*) FROM source_asset WHERE asset_id = ?",
        rs -> rs.getLong(1), me.assetId()).get(0) == 1;
  }

  /** The records' keys in one query, in the given order (their links are read before any write). */
  private static List<Keys> loadAll(Connection c, List<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Keys> keys = Jdbc.query(c, "SELECT id, asset_id, key_cloud, key_serial,"
        + " key_manufacturer, key_macs, key_virtual_macs, key_host, key_domain FROM source_asset"
        + " WHERE id = ANY(?) ORDER BY id", AssetCorrelator::keys,
        (Object) ids.toArray(new Long[0]));
    return keys;
  }

  private static List<Keys> candidates(Connection c, Keys me) throws SQLException {
    List<Object> params = new ArrayList<>();
    String sql = candidatesSql(me, params);
    if (sql == null) {
      return List.of();
    }
    return Jdbc.query(c, sql, AssetCorrelator::keys, params.toArray());
  }

  private static Keys keys(ResultSet rs) throws SQLException {
    return new Keys(rs.getLong("id"), (Long) rs.getObject("asset_id"), rs.getString("key_cloud"),
        rs.getString("key_serial"), rs.getString("key_manufacturer"), texts(rs, "key_macs"),
        texts(rs, "key_virtual_macs"), rs.getString("key_host"), rs.getString("key_domain"));
  }

  private static List<String> texts(ResultSet rs, String column) throws SQLException {
    Array array = rs.getArray(column);
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }
}
