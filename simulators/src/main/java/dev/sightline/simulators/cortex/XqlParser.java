package dev.sightline.simulators.cortex;

import dev.sightline.simulators.cortex.XqlLexer.Kind;
import dev.sightline.simulators.cortex.XqlLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses the XQL subset the simulator runs (the grammar is in the README):
 *
 * <pre>
 * query  := "dataset" "=" name ("|" stage)*
 * stage  := "filter" cond (("and" | "or") cond)*
 *         | "fields" field ["as" name] ("," field ["as" name])*
 *         | "arrayexpand" field
 *         | "join" ["conflict_strategy" "=" ("right"|"left")] ["type" "=" ("inner"|"left")]
 *              "(" query ")" "as" alias alias "." field "=" field
 *         | "sort" ("asc"|"desc") field ("," ("asc"|"desc") field)*
 *         | "limit" integer
 *         | "comp" "count" "(" ")" ["as" name]
 * cond   := field ("=" | "!=" | "&gt;" | "&gt;=" | "&lt;" | "&lt;=") literal | field "in" "(" literal ("," literal)* ")"
 * literal:= "string" | number | ENUM.NAME
 * </pre>
 *
 * Keywords are case-insensitive; field and dataset names are not. Real XQL stages the simulator
 * does not model ({@code alter}, {@code dedup}, {@code config}…) are refused by name.
 */
final class XqlParser {
  private static final Set<String> OTHER_STAGES =
      Set.of(
          "alter",
          "dedup",
          "config",
          "union",
          "bin",
          "call",
          "getrole",
          "iploc",
          "replacenull",
          "tag",
          "top",
          "view",
          "windowcomp",
          "target",
          "transaction",
          "window",
          "fieldmapping",
          "arraymap");
  private static final Set<String> OPERATORS = Set.of("=", "!=", ">", ">=", "<", "<=");

  private final List<Token> tokens;
  private int position;

  private XqlParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  static XqlQuery parse(String text) {
    if (text == null || text.isBlank()) {
      throw new XqlException("the query is empty");
    }
    XqlParser parser = new XqlParser(XqlLexer.tokenize(text));
    XqlQuery query = parser.query();
    parser.expectKind(Kind.END, "'|' or the end of the query");
    return query;
  }

  static String at(int line, int column) {
    return "XQL parse error at line " + line + ", column " + column + ": ";
  }

  private XqlQuery query() {
    expectWord("dataset");
    expectSymbol("=");
    String dataset = name("a dataset name");
    List<XqlQuery.Stage> stages = new ArrayList<>();
    while (peek().is("|")) {
      next();
      stages.add(stage());
    }
    return new XqlQuery(dataset, stages);
  }

  private XqlQuery.Stage stage() {
    Token t = next();
    if (t.kind() != Kind.WORD) {
      throw error(t, "expected a stage name");
    }
    String keyword = t.text().toLowerCase(Locale.ROOT);
    return switch (keyword) {
      case "filter" -> filter();
      case "fields" -> fields();
      case "arrayexpand" -> new XqlQuery.ArrayExpand(name("a field name"));
      case "join" -> join();
      case "sort" -> sort();
      case "limit" -> new XqlQuery.Limit(integer());
      case "comp" -> count();
      default ->
          throw OTHER_STAGES.contains(keyword)
              ? new XqlException(
                  at(t.line(), t.column())
                      + "the stage '"
                      + t.text()
                      + "' is valid XQL but the "
                      + "simulator only runs filter, fields, arrayexpand, join, sort, limit and comp count()")
              : error(t, "unknown stage '" + t.text() + "'");
    };
  }

  private XqlQuery.Filter filter() {
    List<List<XqlQuery.Condition>> anyOf = new ArrayList<>();
    List<XqlQuery.Condition> all = new ArrayList<>();
    all.add(condition());
    while (peek().is("and") || peek().is("or")) {
      if (next().is("or")) {
        anyOf.add(all);
        all = new ArrayList<>();
      }
      all.add(condition());
    }
    anyOf.add(all);
    return new XqlQuery.Filter(anyOf);
  }

  private XqlQuery.Condition condition() {
    String field = name("a field name");
    Token op = next();
    if (op.is("in")) {
      expectSymbol("(");
      List<Object> values = new ArrayList<>();
      values.add(literal());
      while (peek().is(",")) {
        next();
        values.add(literal());
      }
      expectSymbol(")");
      return new XqlQuery.Condition(field, "in", values);
    }
    if (op.kind() != Kind.SYMBOL || !OPERATORS.contains(op.text())) {
      throw error(op, "expected a comparison (=, !=, >, >=, <, <=) or 'in'");
    }
    return new XqlQuery.Condition(field, op.text(), List.of(literal()));
  }

  private Object literal() {
    Token t = next();
    if (t.kind() == Kind.STRING) {
      return t.text();
    }
    if (t.kind() == Kind.NUMBER) {
      try {
        return Double.parseDouble(t.text());
      } catch (NumberFormatException e) {
        throw error(t, "not a number");
      }
    }
    if (t.kind() == Kind.WORD && t.text().startsWith("ENUM.") && t.text().length() > 5) {
      return t.text().substring(5);
    }
    throw error(t, "expected a \"string\", a number or ENUM.NAME");
  }

  private XqlQuery.Fields fields() {
    List<XqlQuery.Column> columns = new ArrayList<>();
    do {
      if (!columns.isEmpty()) {
        next();
      }
      String field = name("a field name");
      String alias = null;
      if (peek().is("as")) {
        next();
        alias = name("an alias");
      }
      columns.add(new XqlQuery.Column(field, alias));
    } while (peek().is(","));
    return new XqlQuery.Fields(columns);
  }

  private XqlQuery.Join join() {
    boolean leftOuter = false;
    boolean keepLeft = false;
    while (peek().is("conflict_strategy") || peek().is("type")) {
      String option = next().text().toLowerCase(Locale.ROOT);
      expectSymbol("=");
      Token value = next();
      String v = value.text().toLowerCase(Locale.ROOT);
      if (option.equals("type")) {
        if (!v.equals("inner") && !v.equals("left")) {
          throw unsupported(
              value, "join type = " + value.text() + " (the simulator runs inner and left)");
        }
        leftOuter = v.equals("left");
      } else {
        if (!v.equals("right") && !v.equals("left")) {
          throw unsupported(
              value,
              "conflict_strategy = " + value.text() + " (the simulator runs right and left)");
        }
        keepLeft = v.equals("left");
      }
    }
    expectSymbol("(");
    XqlQuery inner = query();
    expectSymbol(")");
    expectWord("as");
    String alias = name("an alias for the joined query");
    Token leftToken = peek();
    String left = name("a join condition such as " + alias + ".name = cves");
    expectSymbol("=");
    String right = name("a field name");
    String prefix = alias + ".";
    if (left.startsWith(prefix) && !right.startsWith(prefix)) {
      return new XqlQuery.Join(
          leftOuter, keepLeft, inner, alias, left.substring(prefix.length()), right);
    }
    if (right.startsWith(prefix) && !left.startsWith(prefix)) {
      return new XqlQuery.Join(
          leftOuter, keepLeft, inner, alias, right.substring(prefix.length()), left);
    }
    throw error(
        leftToken,
        "the join condition must compare " + prefix + "<field> with a field of the outer query");
  }

  private XqlQuery.Sort sort() {
    List<XqlQuery.SortKey> keys = new ArrayList<>();
    do {
      if (!keys.isEmpty()) {
        next();
      }
      Token direction = next();
      if (!direction.is("asc") && !direction.is("desc")) {
        throw error(direction, "expected asc or desc before the field, e.g. sort asc endpoint_id");
      }
      keys.add(new XqlQuery.SortKey(name("a field name"), direction.is("asc")));
    } while (peek().is(","));
    return new XqlQuery.Sort(keys);
  }

  private XqlQuery.Count count() {
    Token function = next();
    if (!function.is("count")) {
      throw unsupported(
          function, "comp " + function.text() + " (the simulator runs comp count() only)");
    }
    expectSymbol("(");
    expectSymbol(")");
    String alias = "count";
    if (peek().is("as")) {
      next();
      alias = name("an alias");
    }
    if (peek().is("by")) {
      throw unsupported(peek(), "comp count() by … (the simulator counts all rows only)");
    }
    return new XqlQuery.Count(alias);
  }

  private long integer() {
    Token t = next();
    if (t.kind() != Kind.NUMBER || !t.text().matches("\\d{1,9}")) {
      throw error(t, "expected a whole number");
    }
    long value = Long.parseLong(t.text());
    if (value < 1) {
      throw error(t, "limit must be at least 1");
    }
    return value;
  }

  private String name(String what) {
    Token t = next();
    if (t.kind() != Kind.WORD) {
      throw error(t, "expected " + what);
    }
    return t.text();
  }

  private void expectWord(String word) {
    Token t = next();
    if (t.kind() != Kind.WORD || !t.is(word)) {
      throw error(t, "expected '" + word + "'");
    }
  }

  private void expectSymbol(String symbol) {
    Token t = next();
    if (t.kind() != Kind.SYMBOL || !t.text().equals(symbol)) {
      throw error(t, "expected '" + symbol + "'");
    }
  }

  private void expectKind(Kind kind, String what) {
    Token t = peek();
    if (t.kind() != kind) {
      throw error(t, "expected " + what);
    }
  }

  private Token peek() {
    return tokens.get(position);
  }

  private Token next() {
    Token t = tokens.get(position);
    if (t.kind() != Kind.END) {
      position++;
    }
    return t;
  }

  private static XqlException error(Token t, String message) {
    return new XqlException(at(t.line(), t.column()) + message + ", found " + t.describe());
  }

  private static XqlException unsupported(Token t, String what) {
    return new XqlException(at(t.line(), t.column()) + what + " is not supported by the simulator");
  }
}
