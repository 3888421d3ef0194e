package dev.sightline.platform.export;

import dev.sightline.platform.db.Jdbc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams every row a query selects to a sink, in constant memory: a PostgreSQL cursor read {@value
 * #FETCH} rows at a time, each row handed on as soon as it is read, never a whole result held.
 */
public final class InventoryExport {
  private static final int FETCH = 1_000;

  private final Jdbc jdbc;

  public InventoryExport(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** Where a row goes: the CSV, JSON or NDJSON writer. */
  public interface RowSink {
    void header(List<String> columns) throws IOException;

    void row(List<Object> values) throws IOException;
  }

  /**
   * Streams the rows of {@code entity} that {@code whereSql} (a bound fragment over alias {@code a}
   * or {@code f}, or blank for all) selects, in id order, with the columns asked for; the number of
   * rows written.
   */
  public long export(
      ExportEntity entity,
      String whereSql,
      List<Object> params,
      List<String> columns,
      RowSink sink) {
    List<ExportColumn> chosen = entity.columns(columns);
    List<String> select = new ArrayList<>();
    for (ExportColumn c : chosen) {
      select.add(c.sql());
    }
    String where = whereSql == null || whereSql.isBlank() ? "" : " AND (" + whereSql + ")";
    String sql =
        "SELECT "
            + String.join(", ", select)
            + " "
            + entity.from()
            + " WHERE "
            + entity.shown()
            + where
            + " ORDER BY "
            + entity.order();
    return jdbc.inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(FETCH); // with autocommit off: a server-side cursor, not the whole set
            for (int i = 0; i < params.size(); i++) {
              Object p = params.get(i);
              ps.setObject(i + 1, p instanceof java.time.Instant t ? Timestamp.from(t) : p);
            }
            sink.header(chosen.stream().map(ExportColumn::name).toList());
            long rows = 0;
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                List<Object> values = new ArrayList<>(chosen.size());
                for (int i = 1; i <= chosen.size(); i++) {
                  Object v = rs.getObject(i);
                  values.add(v instanceof Timestamp t ? t.toInstant() : v);
                }
                sink.row(values);
                rows++;
              }
            }
            return rows;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
