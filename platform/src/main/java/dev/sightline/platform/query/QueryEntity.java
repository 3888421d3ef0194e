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
}
