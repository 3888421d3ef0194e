package dev.sightline.server.console.inventory;

import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.query.QuerySyntaxException;
import java.util.stream.Collectors;

/**
 * Why a listing could not be shown, in the words the API would answer with: for a query that cannot
 * be read, also the line of the query and a caret under the column where reading stopped.
 */
record QueryError(String message, Integer line, Integer column, String queryLine, String caret) {

  static QueryError of(QuerySyntaxException e, String query) {
    int line = e.at().line();
    int column = e.at().column();
    String[] lines = query.split("\n", -1);
    String text = line >= 1 && line <= lines.length ? lines[line - 1] : query;
    String caret = " ".repeat(Math.max(0, Math.min(column - 1, text.length()))) + "^";
    return new QueryError(e.getMessage(), line, column, text, caret);
  }

  static QueryError of(InvalidRequestException e) {
    String message =
        e.problems().isEmpty()
            ? e.getMessage()
            : e.problems().stream()
                .map(p -> (p.field() == null ? "" : p.field() + " ") + p.message())
                .collect(Collectors.joining("; "));
    return new QueryError(message, null, null, null, null);
  }
}
