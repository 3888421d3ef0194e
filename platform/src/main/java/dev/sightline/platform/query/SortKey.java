package dev.sightline.platform.query;

/**
 * A listing's order by one sortable token: the ORDER BY list (the token's value, then the id as
 * tiebreaker; missing values sort as the smallest) and the value expression to select so the last
 * row of a page can become a {@link KeysetCursor}.
 */
public final class SortKey {
  private final Token token;
  private final boolean desc;
  private final String value;
  private final String id;

  SortKey(Token token, boolean desc, String value, String id) {
    this.token = token;
    this.desc = desc;
    this.value = value;
    this.id = id;
  }

  /** The token's canonical name. */
  public String token() {
    return token.name();
  }

  public boolean desc() {
    return desc;
  }

  /** The ORDER BY list, e.g. {@code f.qds DESC NULLS LAST, f.id DESC}. */
  public String orderBy() {
    if (value.equals(id)) {
      // The id is never missing: plain order, which the primary key serves as it is.
      return id + (desc ? " DESC" : " ASC");
    }
    return desc
        ? value + " DESC NULLS LAST, " + id + " DESC"
        : value + " ASC NULLS FIRST, " + id + " ASC";
  }

  /** The sort value as an SQL expression over the listing's alias, to select for the cursor. */
  public String value() {
    return value;
  }

  /** The cursor after a row with this sort value (as JDBC read it) and id. */
  public String cursor(Object sortValue, long rowId) {
    return new KeysetCursor(token.name(), desc, sortValue, rowId).encode();
  }

  Token tokenDefinition() {
    return token;
  }

  String idExpression() {
    return id;
  }
}
