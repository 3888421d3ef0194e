package dev.sightline.platform.search;

import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.platform.query.QueryEntity;
import dev.sightline.platform.query.SourceLabels;
import dev.sightline.platform.query.SqlFilter;
import dev.sightline.platform.views.InventoryQueries;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Counts for dashboards: how many assets or findings a query selects, exactly, and how many per
 * {@link GroupBy} key, under the listings' statement timeout. Assets are counted as the listing
 * shows them: while at least one source reports them.
 */
public final class InventoryCounts {
  /** At most this many groups in an answer; beyond it the answer says it was truncated. */
  public static final int MAX_GROUPS = 1_000;

  private final Jdbc jdbc;
  private final InventorySearch search;
  private final SourceLabels labels;
  private final int maxGroups;

  public InventoryCounts(Jdbc jdbc, InventorySearch search, SourceLabels labels) {
    this(jdbc, search, labels, MAX_GROUPS);
  }

  /** Counts answering at most {@code maxGroups} groups (tests use a few). */
  public InventoryCounts(Jdbc jdbc, InventorySearch search, SourceLabels labels, int maxGroups) {
    this.jdbc = jdbc;
    this.search = search;
    this.labels = labels;
    this.maxGroups = maxGroups;
  }

  /**
   * The exact number of rows {@code q} selects and, with {@code groupBy}, per key.
   *
   * @throws dev.sightline.query.QuerySyntaxException when the query cannot be read
   * @throws InvalidRequestException for an unknown key, or a count that ran out of time
   */
  public Counts count(QueryEntity entity, Optional<String> q, Optional<String> groupBy) {
    Optional<GroupBy> key = groupBy.filter(g -> !g.isBlank()).map(g -> GroupBy.parse(entity, g));
    SqlFilter filter = search.filter(entity, q);
    String table = entity == QueryEntity.ASSETS ? "asset a" : "finding f";
    List<String> clauses = new ArrayList<>();
    if (entity == QueryEntity.ASSETS) {
      // An asset is shown while at least one source reports it, as in the listing.
      clauses.add("EXISTS (SELECT 1 FROM source_asset s WHERE s.asset_id = a.id)");
    }
    if (!"true".equals(filter.whereSql())) {
      clauses.add("(" + filter.whereSql() + ")");
    }
    String where = clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    try {
      return jdbc.inTransaction(
          c -> {
            Jdbc.update(
                c, "SET LOCAL statement_timeout = " + InventoryQueries.STATEMENT_TIMEOUT_MS);
            long total =
                Jdbc.query(
                        c,
                        "SELECT count(*) FROM " + table + where,
                        rs -> rs.getLong(1),
                        filter.params().toArray())
                    .get(0);
            if (key.isEmpty()) {
              return new Counts(total, Optional.empty(), List.of(), false);
            }
            GroupBy.Select select = key.get().select(table, where, labels);
            List<Object> params = new ArrayList<>(select.params());
            for (int i = 0; i < select.whereTimes(); i++) {
              params.addAll(filter.params());
            }
            params.add(maxGroups + 1);
            List<Counts.Group> groups =
                Jdbc.query(
                    c,
                    "SELECT x.k, count(*) AS n FROM ("
                        + select.sql()
                        + ") x GROUP BY x.k ORDER BY n DESC, x.k NULLS LAST LIMIT ?",
                    rs -> new Counts.Group(rs.getString(1), rs.getLong(2)),
                    params.toArray());
            boolean truncated = groups.size() > maxGroups;
            return new Counts(
                total,
                Optional.of(key.get().name()),
                truncated ? groups.subList(0, maxGroups) : groups,
                truncated);
          });
    } catch (Jdbc.DataAccessException e) {
      if (e.getCause() instanceof SQLException sql && "57014".equals(sql.getSQLState())) {
        throw new InvalidRequestException(
            "q",
            "the count ran longer than "
                + InventoryQueries.STATEMENT_TIMEOUT_MS / 1000
                + " s and was stopped: narrow the query (a source, a state, a date range)");
      }
      throw e;
    }
  }
}
