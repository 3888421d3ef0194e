package dev.sightline.server.cli;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The first rows of a query as a fixed-width table for a person, read page by page from the listing
 * with keyset paging ({@code next} sent back as {@code after}), then a line with the total and
 * whether the server counted it exactly.
 */
final class QueryTable {
  /** The most rows a table holds (it is laid out once all are read); exports have no limit. */
  static final int MAX_ROWS = 10_000;

  private static final int PAGE_SIZE = 1000;
  // A finding's host name comes from its asset, asked for by id in a list of at most this many
  // (the query language takes 500 values in a list and 4,000 characters in a query).
  private static final int HOST_LOOKUP_BATCH = 200;
  private static final String GAP = "  ";

  private final QueryServer server;
  private final QueriedEntity entity;
  private final List<TableColumn> columns;

  QueryTable(QueryServer server, QueriedEntity entity, List<TableColumn> columns) {
    this.server = server;
    this.entity = entity;
    this.columns = columns;
  }

  void print(String q, Optional<String> sort, int limit, boolean countExact, PrintWriter out)
      throws QueryFailure {
    List<JsonNode> rows = new ArrayList<>();
    long total = 0;
    boolean exact = true;
    String after = null;
    boolean first = true;
    do {
      int size = Math.min(limit - rows.size(), PAGE_SIZE);
      StringBuilder path = new StringBuilder("api/v1/" + entity.path() + "?size=" + size);
      if (!q.isBlank()) {
        path.append("&q=").append(encode(q));
      }
      sort.ifPresent(s -> path.append("&sort=").append(encode(s)));
      if (after != null) {
        path.append("&after=").append(encode(after));
      }
      if (first && countExact) {
        path.append("&count=exact");
      }
      JsonNode page = server.getJson(path.toString());
      if (first) {
        total = page.path("total").asLong();
        exact = page.path("totalExact").asBoolean(true);
        first = false;
      }
      JsonNode items = page.path("items");
      items.forEach(rows::add);
      JsonNode next = page.path("next");
      after = items.isEmpty() || !next.isString() ? null : next.asString();
    } while (rows.size() < limit && after != null);
    if (entity == QueriedEntity.FINDINGS
        && columns.stream().anyMatch(c -> c.name().equals("hostName"))) {
      addHostNames(rows);
    }
    render(rows, out);
    out.println(totalLine(rows.size(), total, exact));
    out.flush();
  }

  /** Puts each finding's asset's host name on the finding, as {@code hostName}. */
  private void addHostNames(List<JsonNode> findings) throws QueryFailure {
    Set<Long> assetIds = new LinkedHashSet<>();
    findings.forEach(f -> assetIds.add(f.path("assetId").asLong()));
    Map<Long, String> hosts = new HashMap<>();
    List<Long> ids = new ArrayList<>(assetIds);
    for (int from = 0; from < ids.size(); from += HOST_LOOKUP_BATCH) {
      List<Long> batch = ids.subList(from, Math.min(ids.size(), from + HOST_LOOKUP_BATCH));
      String q =
          "asset.id:["
              + batch.stream().map(String::valueOf).collect(Collectors.joining(", "))
              + "]";
      JsonNode page = server.getJson("api/v1/assets?size=" + batch.size() + "&q=" + encode(q));
      for (JsonNode a : page.path("items")) {
        hosts.put(a.path("id").asLong(), TableColumn.scalar(a.path("hostName")));
      }
    }
    for (JsonNode f : findings) {
      if (f instanceof ObjectNode o) {
        o.put("hostName", hosts.getOrDefault(f.path("assetId").asLong(), ""));
      }
    }
  }

  private void render(List<JsonNode> rows, PrintWriter out) {
    List<String[]> cells = new ArrayList<>();
    int[] widths = new int[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      widths[i] = columns.get(i).name().length();
    }
    for (JsonNode row : rows) {
      String[] line = new String[columns.size()];
      for (int i = 0; i < columns.size(); i++) {
        TableColumn column = columns.get(i);
        line[i] = fit(printable(column.value().apply(row)), column.maxWidth());
        widths[i] = Math.max(widths[i], line[i].length());
      }
      cells.add(line);
    }
    String[] header = columns.stream().map(TableColumn::name).toArray(String[]::new);
    out.println(line(header, widths));
    String[] rule = new String[columns.size()];
    for (int i = 0; i < rule.length; i++) {
      rule[i] = "-".repeat(widths[i]);
    }
    out.println(line(rule, widths));
    for (String[] line : cells) {
      out.println(line(line, widths));
    }
  }

  private String line(String[] cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        line.append(GAP);
      }
      String pad = " ".repeat(widths[i] - cells[i].length());
      boolean last = i == cells.length - 1;
      if (columns.get(i).numeric()) {
        line.append(pad).append(cells[i]);
      } else {
        line.append(cells[i]).append(last ? "" : pad);
      }
    }
    return line.toString();
  }

  String totalLine(int shown, long total, boolean exact) {
    String what = entity.path();
    if (total == 0 && shown == 0) {
      return "No " + what + " match" + (exact ? "." : " (by the server's estimate).");
    }
    return shown
        + " of "
        + (exact ? "" : "about ")
        + total
        + " "
        + what
        + (exact
            ? " (total exact)"
            : " (total estimated: the server counts exactly up to a bound; --count-exact counts"
                + " them all)");
  }

  /** Cut to {@code width} characters, the cut marked. */
  static String fit(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 3) + "...";
  }

  /**
   * Control and invisible formatting characters become {@code ?}: a host name or finding name set
   * by whoever named the machine must not move the cursor or recolour the terminal.
   */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              int type = Character.getType(c);
              if (type == Character.CONTROL || type == Character.FORMAT) {
                out.append('?');
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
