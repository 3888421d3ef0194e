package dev.sightline.query;

import java.util.List;

/** A parsed query: conditions on tokens, joined by AND, OR and NOT. */
public sealed interface Expr permits Expr.All, Expr.And, Expr.Or, Expr.Not, Expr.Term, Expr.Nested {

  /** The empty query: everything. */
  record All() implements Expr {}

  record And(List<Expr> parts) implements Expr {
    public And {
      parts = List.copyOf(parts);
    }
  }

  record Or(List<Expr> parts) implements Expr {
    public Or {
      parts = List.copyOf(parts);
    }
  }

  record Not(Expr inner) implements Expr {}

  /**
   * {@code token:condition}, e.g. {@code asset.hostName:"web"}; {@code token} is the dotted name as
   * written ({@code findings.vendorProductname} keeps its letter case; the catalogue matches names
   * in any case).
   */
  record Term(String token, Condition condition, Position at) implements Expr {}

  /**
   * {@code parent:(inner)}: every term of {@code inner} must hold for the <em>same</em> element of
   * {@code parent} (the same source of an asset, the same detection of a finding); inner tokens are
   * named relative to the parent ({@code inventory:(source:"X" AND lastUpdated > now-7d)}).
   */
  record Nested(String parent, Expr inner, Position at) implements Expr {}
}
