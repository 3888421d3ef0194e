package dev.sightline.platform.query;

/** What a query lists: logical assets (alias {@code a}) or logical findings (alias {@code f}). */
public enum QueryEntity {
  ASSETS("a"),
  FINDINGS("f");

  private final String alias;

  QueryEntity(String alias) {
    this.alias = alias;
  }

  /** The alias the listing gives the entity's table; compiled SQL refers to it. */
  public String alias() {
    return alias;
  }

  /**
   * The entity a request names ({@code assets}, {@code findings}, any letter case, singular too); a
   * 400 naming {@code field} otherwise.
   */
  public static QueryEntity named(String text, String field) {
    String e = text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT);
    return switch (e) {
      case "ASSETS", "ASSET" -> ASSETS;
      case "FINDINGS", "FINDING" -> FINDINGS;
      default ->
          throw new dev.sightline.platform.errors.InvalidRequestException(
              field, "is '" + (text == null ? "" : text) + "': use assets or findings");
    };
  }
}
