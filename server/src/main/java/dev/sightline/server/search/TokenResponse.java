package dev.sightline.server.search;

import dev.sightline.platform.query.TokenDescription;
import java.util.List;

/** A token a query may name: its type, operators, an example and, for enumerations, its values. */
record TokenResponse(
    String token,
    String type,
    List<String> operators,
    String example,
    List<String> values,
    boolean sortable,
    String description) {

  static TokenResponse of(TokenDescription t) {
    return new TokenResponse(
        t.name(),
        t.type().name(),
        t.operators(),
        t.example(),
        t.values(),
        t.sortable(),
        t.description());
  }
}
