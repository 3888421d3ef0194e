package dev.sightline.platform.search;

import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.platform.query.QueryEntity;
import dev.sightline.platform.query.SourceLabels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The keys a count may group by ({@code groupBy=}), per entity: the one whitelist that turns a
 * key's name into SQL. A key is either one value per row (the finding's severity, the asset's
 * primary type, a date bucket) or, for {@code source} and {@code connector}, every distinct value
 * of the row's source records or detections: a row reported by two sources counts in both groups.
 *
 * <p>Date keys ({@code firstFound:week}) bucket by the UTC day, ISO week (from Monday) or month;
 * the key is the bucket's first day, {@code YYYY-MM-DD}.
 */
public final class GroupBy {
  /** Date bucket units a date key takes after its colon. */
  static final List<String> UNITS = List.of("day", "week", "month");

  private static final String PRIMARY = "(SELECT gp.%s FROM primary_source(%s) gp)";

  /** The source name of the connector {@code gc}'s type, from labels bound as two arrays. */
  private static final String SOURCE_LABEL = label("gc.type");

  /** The source name of a connector type (the column given), from labels bound as two arrays. */
  private static String label(String type) {
    return "coalesce((SELECT gl.label FROM unnest(?::text[], ?::text[]) AS gl(type, label)"
        + " WHERE gl.type = "
        + type
        + "), "
        + type
        + ")";
  }

  /** How one key reads its values. */
  private sealed interface Reader {}

  /** One value per row: an expression over the row's alias. */
  private record OneValue(String sql) implements Reader {}

  /** A UTC date bucket of a timestamp expression over the row's alias. */
  private record Bucketed(String sql) implements Reader {}

  /**
   * Every distinct value of the row's related records: a {@code SELECT DISTINCT} list whose single
   * column is {@code k}, over the row's alias; {@code labels} when it binds the source labels.
   */
  private record EachValue(String sql, boolean labels) implements Reader {}

  /**
   * Every distinct value of the row's related records, read set-wise: {@code joins} from the row's
   * alias to the related records, {@code value} the column read there, {@code labels} when it is a
   * connector type to show as its source name. A finding's detections are found this way: one hash
   * join over all of them instead of an index walk per finding, which a million findings made
   * slower than the statement timeout.
   */
  private record JoinedValues(String joins, String related, String value, boolean labels)
      implements Reader {}

  private static final Map<QueryEntity, Map<String, Reader>> KEYS = keys();

  private final QueryEntity entity;
  private final String name;
  private final Reader reader;
  private final Optional<String> unit;

  private GroupBy(QueryEntity entity, String name, Reader reader, Optional<String> unit) {
    this.entity = entity;
    this.name = name;
    this.reader = reader;
    this.unit = unit;
  }

  private static Map<QueryEntity, Map<String, Reader>> keys() {
    Map<String, Reader> findings = new LinkedHashMap<>();
    findings.put("severity", new OneValue("f.severity::text"));
    findings.put("state", new OneValue("f.state"));
    findings.put("qdsBand", new OneValue("f.qds_band"));
    String detections =
        " JOIN source_asset gs ON gs.asset_id = f.asset_id"
            + " JOIN detection gd ON gd.source_asset_id = gs.id AND gd.finding_key = f.finding_key"
            + " JOIN connector gc ON gc.id = gd.connector_id";
    String detected =
        "SELECT 1 FROM source_asset gs JOIN detection gd ON gd.source_asset_id = gs.id"
            + " WHERE gs.asset_id = f.asset_id AND gd.finding_key = f.finding_key";
    findings.put("source", new JoinedValues(detections, detected, "gc.type", true));
    findings.put("connector", new JoinedValues(detections, detected, "gc.name", false));
    findings.put("cve", new OneValue("f.cve_id"));
    findings.put(
        "riskBand", new OneValue("(SELECT ga.risk_band FROM asset ga WHERE ga.id = f.asset_id)"));
    findings.put("type", new OneValue(String.format(PRIMARY, "asset_type", "f.asset_id")));
    findings.put("decision", new OneValue("f.decision"));
    findings.put("firstFound", new Bucketed("f.first_found"));
    findings.put("lastFound", new Bucketed("f.last_found"));
    findings.put("fixedOn", new Bucketed("f.fixed_on"));

    Map<String, Reader> assets = new LinkedHashMap<>();
    assets.put("type", new OneValue(String.format(PRIMARY, "asset_type", "a.id")));
    assets.put("riskBand", new OneValue("a.risk_band"));
    // The criticality in force, as the asset.criticality token reads it.
    assets.put("criticality", new OneValue("coalesce(a.criticality, a.acs)::text"));
    assets.put("os", new OneValue(String.format(PRIMARY, "os_name", "a.id")));
    assets.put("domain", new OneValue(String.format(PRIMARY, "domain", "a.id")));
    String sources =
        " FROM source_asset gs JOIN connector gc ON gc.id = gs.connector_id"
            + " WHERE gs.asset_id = a.id";
    assets.put("source", new EachValue("SELECT DISTINCT " + SOURCE_LABEL + sources, true));
    assets.put("connector", new EachValue("SELECT DISTINCT gc.name" + sources, false));
    assets.put("cloudProvider", new OneValue(String.format(PRIMARY, "cloud_provider", "a.id")));
    // The rule of the totals and the listing's state filter.
    assets.put(
        "state",
        new OneValue("CASE WHEN asset_counts(a.stale_since) THEN 'ACTIVE' ELSE 'STALE' END"));
    assets.put(
        "firstFound",
        new Bucketed("(SELECT min(gs.first_found) FROM source_asset gs WHERE gs.asset_id = a.id)"));
    assets.put(
        "lastSeen",
        new Bucketed("(SELECT max(gs.last_seen) FROM source_asset gs WHERE gs.asset_id = a.id)"));
    return Map.of(QueryEntity.FINDINGS, findings, QueryEntity.ASSETS, assets);
  }

  /**
   * The key a client names (any letter case; a date key with {@code :day}, {@code :week} or {@code
   * :month}).
   *
   * @throws InvalidRequestException naming {@code groupBy} and listing the keys when it is not one
   */
  public static GroupBy parse(QueryEntity entity, String text) {
    String raw = text == null ? "" : text.trim();
    int colon = raw.indexOf(':');
    String field = colon < 0 ? raw : raw.substring(0, colon);
    Optional<String> unit =
        colon < 0
            ? Optional.empty()
            : Optional.of(raw.substring(colon + 1).trim().toLowerCase(Locale.ROOT));
    for (Map.Entry<String, Reader> key : KEYS.get(entity).entrySet()) {
      if (!key.getKey().equalsIgnoreCase(field)) {
        continue;
      }
      boolean dated = key.getValue() instanceof Bucketed;
      if (dated && unit.filter(UNITS::contains).isPresent()) {
        return new GroupBy(entity, key.getKey() + ":" + unit.get(), key.getValue(), unit);
      }
      if (!dated && unit.isEmpty()) {
        return new GroupBy(entity, key.getKey(), key.getValue(), unit);
      }
    }
    throw new InvalidRequestException(
        "groupBy",
        "'"
            + raw
            + "' is not a key "
            + entity.name().toLowerCase(Locale.ROOT)
            + " can be grouped by: use one of "
            + String.join(", ", names(entity)));
  }

  /** The keys an entity's counts may group by, as a client writes them. */
  public static List<String> names(QueryEntity entity) {
    List<String> out = new ArrayList<>();
    KEYS.get(entity)
        .forEach(
            (key, reader) ->
                out.add(reader instanceof Bucketed ? key + ":" + String.join("|", UNITS) : key));
    return out;
  }

  /** The key's canonical name ({@code qdsBand}, {@code firstFound:week}). */
  public String name() {
    return name;
  }

  public QueryEntity entity() {
    return entity;
  }

  /**
   * A query listing each selected row's key values as {@code k}: {@code from} the entity's table
   * and {@code where} its WHERE clause (with a leading space), whose parameters follow those this
   * returns in {@link Select#params()}.
   */
  Select select(String table, String where, SourceLabels labels) {
    List<Object> params = new ArrayList<>();
    if (reader instanceof JoinedValues joined) {
      return joined(joined, table, where, labels);
    }
    String key = null;
    if (reader instanceof OneValue one) {
      key = one.sql();
    } else if (reader instanceof Bucketed bucket) {
      key =
          "to_char(date_trunc('"
              + unit.orElseThrow()
              + "', "
              + bucket.sql()
              + " AT TIME ZONE 'UTC'), 'YYYY-MM-DD')";
    } else if (((EachValue) reader).labels()) {
      params.addAll(labelArrays(labels));
    }
    String sql =
        key != null
            ? "SELECT " + key + " AS k FROM " + table + where
            // A row without any related record still counts once, with no key.
            : "SELECT g.k FROM "
                + table
                + " LEFT JOIN LATERAL ("
                + ((EachValue) reader).sql()
                + ") AS g(k) ON true"
                + where;
    return new Select(sql, params, 1);
  }

  /**
   * Each row's distinct values through one join, and once with no key each row that has no related
   * record: the same rows and keys as the lateral form, read set-wise.
   */
  private static Select joined(
      JoinedValues joined, String table, String where, SourceLabels labels) {
    List<Object> params = new ArrayList<>();
    String key = "y.v";
    if (joined.labels()) {
      key = label("y.v");
      params.addAll(labelArrays(labels));
    }
    String unrelated =
        (where.isEmpty() ? " WHERE " : where + " AND ") + "NOT EXISTS (" + joined.related() + ")";
    String sql =
        "SELECT "
            + key
            + " AS k FROM (SELECT DISTINCT f.id, "
            + joined.value()
            + " AS v FROM "
            + table
            + joined.joins()
            + where
            + ") y UNION ALL SELECT NULL::text AS k FROM "
            + table
            + unrelated;
    return new Select(sql, params, 2);
  }

  private static List<Object> labelArrays(SourceLabels labels) {
    List<String> types = new ArrayList<>();
    List<String> names = new ArrayList<>();
    labels
        .byType()
        .forEach(
            (type, l) -> {
              types.add(type);
              names.add(l.sourceName());
            });
    return List.of(types.toArray(String[]::new), names.toArray(String[]::new));
  }

  /**
   * SQL selecting {@code k} per row (and key value), the parameters it binds first, and how many
   * times the WHERE clause (and so its parameters, in turn) appears after them.
   */
  record Select(String sql, List<Object> params, int whereTimes) {}
}
