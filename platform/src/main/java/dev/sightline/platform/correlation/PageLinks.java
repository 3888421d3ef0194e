package dev.sightline.platform.correlation;

import dev.sightline.platform.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The links one page decided, written at the end of the page in a few set-based statements instead
 * of one round trip per record. New assets get placeholder ids (negative) while the page is
 * decided, so later records of the page can link to them; the flush swaps in real ids.
 */
final class PageLinks {
  private long nextPlaceholder = -1;
  private final List<Long> sources = new ArrayList<>();
  private final List<Long> assets = new ArrayList<>();
  private final List<String> rules = new ArrayList<>();
  private final List<String> values = new ArrayList<>();
  private final List<Long> linkedTo = new ArrayList<>();
  private final Set<Long> touchedAssets = new LinkedHashSet<>();
  private final Set<Long> emptiedAssets = new LinkedHashSet<>();

  /** A placeholder for an asset that will be created at the flush. */
  long newAsset() {
    return nextPlaceholder--;
  }

  void link(long source, long asset, LinkRule rule, String matchedValues, Long matchedSource) {
    sources.add(source);
    assets.add(asset);
    rules.add(rule.name());
    values.add(matchedValues);
    linkedTo.add(matchedSource);
    if (asset > 0) {
      touchedAssets.add(asset);
    }
  }

  /** An asset left without records because its only record moved to another asset. */
  void emptied(long asset) {
    emptiedAssets.add(asset);
  }

  void flush(Connection c, Instant now) throws SQLException {
    int created = (int) (-nextPlaceholder - 1);
    List<Long> real =
        created == 0
            ? List.of()
            : Jdbc.query(
                c,
                "INSERT INTO asset (created_at,"
                    + " updated_at) SELECT ?, ? FROM generate_series(1, ?) RETURNING id",
                rs -> rs.getLong(1),
                now,
                now,
                created);
    Long[] resolved =
        assets.stream().map(a -> a < 0 ? real.get((int) (-a - 1)) : a).toArray(Long[]::new);
    if (!sources.isEmpty()) {
      Jdbc.update(
          c,
          "UPDATE source_asset s SET asset_id = v.asset, link_rule = v.rule,"
              + " link_values = v.vals::jsonb, linked_to = v.linked_to, linked_at = ?"
              + " FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::bigint[])"
              + " AS v(id, asset, rule, vals, linked_to) WHERE s.id = v.id",
          now,
          sources.toArray(new Long[0]),
          resolved,
          rules.toArray(new String[0]),
          values.toArray(new String[0]),
          linkedTo.toArray(new Long[0]));
    }
    if (!touchedAssets.isEmpty()) {
      Jdbc.update(
          c,
          "UPDATE asset SET updated_at = ? WHERE id = ANY(?)",
          now,
          touchedAssets.toArray(new Long[0]));
    }
    if (!emptiedAssets.isEmpty()) {
      Jdbc.update(
          c,
          "DELETE FROM asset a WHERE a.id = ANY(?) AND NOT EXISTS"
              + " (SELECT 1 FROM source_asset s WHERE s.asset_id = a.id)",
          (Object) emptiedAssets.toArray(new Long[0]));
    }
  }
}
