package dev.sightline.platform.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Thin, parameterized-only JDBC: every value goes through a placeholder, never into SQL text. */
public final class Jdbc {
  private final DataSource dataSource;

  public Jdbc(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
  public <T> T inTransaction(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw new DataAccessException(e);
    }
  }

  public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
    return inTransaction(c -> query(c, sql, mapper, params));
  }

  public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
    List<T> rows = query(sql, mapper, params);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  public int update(String sql, Object... params) {
    return inTransaction(c -> update(c, sql, params));
  }

  public static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(mapper.map(rs));
        }
        return out;
      }
    }
  }

  public static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      return ps.executeUpdate();
    }
  }

  static void bind(PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      if (p instanceof Long[] longs) {
        ps.setArray(i + 1, ps.getConnection().createArrayOf("bigint", longs));
      } else if (p instanceof Integer[] ints) {
        ps.setArray(i + 1, ps.getConnection().createArrayOf("integer", ints));
      } else if (p instanceof String[] texts) {
        ps.setArray(i + 1, ps.getConnection().createArrayOf("text", texts));
      } else if (p instanceof java.time.Instant instant) {
        ps.setObject(i + 1, java.time.OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC));
      } else {
        ps.setObject(i + 1, p);
      }
    }
  }

  /** A database failure; the message carries the SQL state, never bound values. */
  public static final class DataAccessException extends RuntimeException {
    DataAccessException(SQLException e) {
      super("Database error (SQL state " + e.getSQLState() + "): " + e.getMessage(), e);
    }
  }
}
