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
 * pairs a user split are never linked again. Runs inside the page's transaction: the candidates of
 * the whole page are looked up at once, then records are linked one at a time, each seeing the
 * links of the records before it ({@link CandidateFinder}).
 */
public final class AssetCorrelator {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The outcome for a page: how many records joined an existing asset, and how many new assets. */
  public record Outcome(long linked, long newAssets) {}

  record Keys(
      long id,
      Long assetId,
      String cloud,
      String serial,
      String manufacturer,
      List<String> macs,
      List<String> virtualMacs,
      String host,
      String domain) {}

  private record Candidate(LinkRule rule, Keys source) {}

  /** Correlates the given source records (new or changed in this page). */
  public Outcome correlate(Connection c, List<Long> sourceIds, Instant now) throws SQLException {
    long linked = 0;
    long created = 0;
    List<Keys> page = loadAll(c, sourceIds);
    CandidateFinder finder = CandidateFinder.forPage(c, page);
    PageLinks links = new PageLinks();
    for (Keys me : page) {
      Optional<Candidate> match = bestMatch(finder, me);
      if (me.assetId() != null) {
        long asset = me.assetId();
        if (match.isPresent()
            && !match.get().source().assetId().equals(me.assetId())
            && aloneInItsAsset(c, me)) {
          link(links, me, match.get());
          links.emptied(me.assetId());
          asset = match.get().source().assetId();
          linked++;
        }
        finder.linked(me, asset);
        continue;
      }
      if (match.isPresent()) {
        link(links, me, match.get());
        finder.linked(me, match.get().source().assetId());
        linked++;
      } else {
        long asset = links.newAsset();
        links.link(me.id(), asset, LinkRule.NEW_ASSET, null, null);
        finder.linked(me, asset);
        created++;
      }
    }
    links.flush(c, now);
    return new Outcome(linked, created);
  }

  static long newAsset(Connection c, Instant now) throws SQLException {
    return Jdbc.query(
            c,
            "INSERT INTO asset (created_at, updated_at) VALUES (?, ?) RETURNING id",
            rs -> rs.getLong(1),
            now,
            now)
        .get(0);
  }

  private static Optional<Candidate> bestMatch(CandidateFinder finder, Keys me) {
    for (Keys other : finder.candidatesFor(me)) {
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
      boolean sameMaker =
          a.manufacturer() == null
              || b.manufacturer() == null
              || a.manufacturer().equals(b.manufacturer());
      return a.serial().equals(b.serial()) && sameMaker
          ? Optional.of(LinkRule.SERIAL_MANUFACTURER)
          : Optional.empty();
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
          ? Optional.of(LinkRule.HOSTNAME_DOMAIN)
          : Optional.empty();
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

  private static void link(PageLinks links, Keys me, Candidate match) {
    Keys other = match.source();
    // The matched record may be new in this page, its id real and its asset a placeholder.
    links.link(
        me.id(), other.assetId(), match.rule(), matchedValues(match.rule(), me, other), other.id());
  }

  /** The values that made {@code rule} link {@code me} to {@code other}, as JSON. */
  static String matchedValues(LinkRule rule, Keys me, Keys other) {
    ObjectNode values = JSON.createObjectNode();
    switch (rule) {
      case CLOUD_INSTANCE -> values.put("cloudInstanceId", me.cloud());
      case SERIAL_MANUFACTURER ->
          values
              .put("serial", me.serial())
              .put(
                  "manufacturer",
                  me.manufacturer() == null ? other.manufacturer() : me.manufacturer());
      case STRONG_MAC ->
          values.set(
              "macs", JSON.valueToTree(me.macs().stream().filter(other.macs()::contains).toList()));
      case HOSTNAME_DOMAIN -> values.put("host", me.host()).put("domain", me.domain());
      case HOSTNAME_VIRTUAL_MAC ->
          values
              .put("host", me.host())
              .set(
                  "virtualMacs",
                  JSON.valueToTree(
                      me.virtualMacs().stream().filter(other.virtualMacs()::contains).toList()));
      default -> {}
    }
    return values.toString();
  }

  private static boolean aloneInItsAsset(Connection c, Keys me) throws SQLException {
    return Jdbc.query(
                c,
                "SELECT count(*) FROM source_asset WHERE asset_id = ?",
                rs -> rs.getLong(1),
                me.assetId())
            .get(0)
        == 1;
  }

  /** The records' keys in one query, in the given order (their links are read before any write). */
  private static List<Keys> loadAll(Connection c, List<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Keys> keys =
        Jdbc.query(
            c,
            "SELECT id, asset_id, key_cloud, key_serial,"
                + " key_manufacturer, key_macs, key_virtual_macs, key_host, key_domain FROM source_asset"
                + " WHERE id = ANY(?) ORDER BY id",
            AssetCorrelator::keys,
            (Object) ids.toArray(new Long[0]));
    return keys;
  }

  static Keys keys(ResultSet rs) throws SQLException {
    return new Keys(
        rs.getLong("id"),
        (Long) rs.getObject("asset_id"),
        rs.getString("key_cloud"),
        rs.getString("key_serial"),
        rs.getString("key_manufacturer"),
        texts(rs, "key_macs"),
        texts(rs, "key_virtual_macs"),
        rs.getString("key_host"),
        rs.getString("key_domain"));
  }

  private static List<String> texts(ResultSet rs, String column) throws SQLException {
    Array array = rs.getArray(column);
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }
}
