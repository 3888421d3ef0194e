package dev.sightline.platform.query;

/**
 * How a token's value is read from one row of its {@link Scope}. SQL templates name the row {@code
 * {r}} and the aliases of their own subqueries {@code {e}} and {@code {e2}}; the compiler replaces
 * them with fresh aliases, so no text of a query ever reaches SQL.
 */
sealed interface Accessor {

  /** One value per row, an expression over the row ({@code {r}.host_name}). */
  record Column(String expression, boolean nullable) implements Accessor {}

  /**
   * Several values per row: {@code from} is a FROM list with its join condition ({@code unnest({r}
   * .mac_addresses) AS {e}(v) WHERE true}), {@code value} the element's value ({@code {e}.v}).
   */
  record Elements(String from, String value) implements Accessor {}

  /**
   * The label its connector's type gives the row: the inventory source's name, or (when {@code
   * product}) the product its findings come from. Matched against the labels in Java, then found
   * through the connector id.
   */
  record Label(boolean product) implements Accessor {}

  /**
   * A value of another table keyed by one of the row's columns ({@code cve_intel.epss_score} by
   * {@code {r}.cve_id}). Compiled as membership of the row's key in the keys whose value matches:
   * an uncorrelated subquery that PostgreSQL hashes once per query, where a correlated probe per
   * row walked a million findings' index lookups (2.6 s for "KEV or EPSS > 0.5", 0.18 s as a
   * membership test: docs/benchmarks.md).
   *
   * @param rowKey the row's column ({@code cve_id})
   * @param table the keyed table ({@code cve_intel})
   * @param key the table's key column, unique in it ({@code cve_id})
   * @param value the looked-up value, an expression over the table's row ({@code {e}.epss_score})
   */
  record Lookup(String rowKey, String table, String key, String value) implements Accessor {}

  /** The row's connector: its name, or its id written as a UUID. */
  record ConnectorOf() implements Accessor {}
}
