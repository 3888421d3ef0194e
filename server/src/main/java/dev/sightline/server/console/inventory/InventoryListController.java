package dev.sightline.server.console.inventory;

import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.platform.query.QueryCompiler;
import dev.sightline.platform.query.QueryEntity;
import dev.sightline.platform.query.TokenDescription;
import dev.sightline.platform.savedviews.SavedViews;
import dev.sightline.platform.search.InventorySearch;
import dev.sightline.platform.search.SearchRequest;
import dev.sightline.platform.views.InventoryQueries.Filter;
import dev.sightline.platform.views.PageOf;
import dev.sightline.query.QuerySyntaxException;
import dev.sightline.server.access.SignedIn;
import dev.sightline.server.console.Permissions;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Assets > Host and Findings > Vulnerability: the query bar over a table. The page reads through
 * the same search the API's listings use ({@link InventorySearch}), so a query means the same here,
 * in the API, in an export and in a saved view; it never reads a query itself.
 */
@Controller
class InventoryListController {
  static final int PAGE_SIZE = 50;

  private final InventorySearch search;
  private final SavedViews views;
  private final Map<QueryEntity, Set<String>> sortable = new LinkedHashMap<>();
  private final String assetExample;

  InventoryListController(
      InventorySearch search,
      SavedViews views,
      QueryCompiler compiler,
      dev.sightline.platform.connectors.ConnectorService connectors) {
    this.search = search;
    this.views = views;
    // The example names a source this server has a connector type for (the console names none).
    this.assetExample =
        connectors.catalog().types().stream()
            .findFirst()
            .map(t -> connectors.factoryFor(t).descriptor().sourceName())
            .map(source -> "inventory:(source:\"" + source + "\")")
            .orElse("asset.riskBand:[CRITICAL, HIGH]");
    for (QueryEntity e : QueryEntity.values()) {
      sortable.put(
          e,
          compiler.tokens(e).stream()
              .filter(TokenDescription::sortable)
              .map(t -> t.name().toLowerCase(Locale.ROOT))
              .collect(Collectors.toSet()));
    }
  }

  @GetMapping("/assets")
  String assets(
      @AuthenticationPrincipal SignedIn who,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) List<String> cols,
      @RequestParam(required = false) String after,
      @RequestParam(required = false) List<String> back,
      Model model) {
    ListState state = new ListState("/assets", q, sort, cols, after, back);
    model.addAttribute(
        "listing",
        listing(
            who,
            QueryEntity.ASSETS,
            "Assets > Host",
            "assets",
            state,
            Columns.ASSETS,
            Columns.ASSET_DEFAULTS,
            assetExample,
            () -> search.assets(Filter.none(), request(state))));
    return "inventory/list";
  }

  @GetMapping("/findings")
  String findings(
      @AuthenticationPrincipal SignedIn who,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) List<String> cols,
      @RequestParam(required = false) String after,
      @RequestParam(required = false) List<String> back,
      Model model) {
    ListState state = new ListState("/findings", q, sort, cols, after, back);
    model.addAttribute(
        "listing",
        listing(
            who,
            QueryEntity.FINDINGS,
            "Findings > Vulnerability",
            "findings",
            state,
            Columns.FINDINGS,
            Columns.FINDING_DEFAULTS,
            "finding.severity >= 4 AND finding.state:[NEW, ACTIVE, REOPENED]",
            () -> search.findings(Filter.none(), request(state))));
    return "inventory/list";
  }

  private static SearchRequest request(ListState state) {
    return new SearchRequest(
        state.query(),
        state.sortParam(),
        0,
        PAGE_SIZE,
        Optional.of(state.after()).filter(a -> !a.isEmpty()),
        false);
  }

  private <V> ListingPage listing(
      SignedIn who,
      QueryEntity entity,
      String title,
      String noun,
      ListState asked,
      List<Column<V>> all,
      List<String> defaults,
      String example,
      Supplier<PageOf<V>> read) {
    List<Column<V>> shown = chosen(all, asked.cols(), defaults);
    // The URL names the columns only when they differ from the defaults, so links stay short.
    List<String> shownNames = shown.stream().map(Column::name).toList();
    ListState state =
        new ListState(
            asked.path(),
            asked.q(),
            asked.sort(),
            shownNames.equals(defaults) ? List.of() : shownNames,
            asked.after(),
            asked.back());
    QueryError error = null;
    PageOf<V> page = null;
    try {
      page = read.get();
    } catch (QuerySyntaxException e) {
      error = QueryError.of(e, state.q());
    } catch (InvalidRequestException e) {
      error = QueryError.of(e);
    }
    List<Header> headers = new ArrayList<>();
    for (Column<V> c : shown) {
      headers.add(header(entity, state, c));
    }
    List<List<Cell>> rows = new ArrayList<>();
    String rowCount = null;
    String countKind = null;
    String next = null;
    if (page != null) {
      for (V item : page.items()) {
        rows.add(shown.stream().map(c -> c.cell().apply(item)).toList());
      }
      NumberFormat n = NumberFormat.getIntegerInstance(Locale.ENGLISH);
      long from = (long) state.pagesBefore() * PAGE_SIZE + 1;
      long to = from + page.items().size() - 1;
      rowCount =
          page.items().isEmpty()
              ? "0 of " + (page.totalExact() ? "" : "about ") + n.format(page.total())
              : n.format(from)
                  + "–"
                  + n.format(to)
                  + " of "
                  + (page.totalExact() ? "" : "about ")
                  + n.format(page.total());
      countKind =
          page.totalExact()
              ? "exact"
              : "estimated: counted exactly up to 10,000, then the planner's estimate";
      boolean more = !(page.totalExact() && to >= page.total());
      next = page.next() != null && more ? state.next(page.next()) : null;
    }
    List<ColumnChoice> choices =
        all.stream()
            .map(c -> new ColumnChoice(c.name(), c.label(), shownNames.contains(c.name())))
            .toList();
    String columnsParam = String.join(",", shownNames);
    String api = "/api/v1/" + noun + "/export";
    List<String[]> exportParams = new ArrayList<>();
    exportParams.add(new String[] {"q", state.q()});
    exportParams.add(new String[] {"columns", columnsParam});
    List<String[]> csv = new ArrayList<>(exportParams);
    csv.add(0, new String[] {"format", "csv"});
    List<String[]> json = new ArrayList<>(exportParams);
    json.add(0, new String[] {"format", "json"});
    return new ListingPage(
        title,
        noun,
        noun,
        state,
        error,
        headers,
        rows,
        rowCount,
        countKind,
        error == null ? state.previous() : null,
        next,
        choices,
        columnsParam,
        savedViews(who, entity, asked.path()),
        Links.of(api, csv),
        Links.of(api, json),
        example);
  }

  private static <V> List<Column<V>> chosen(
      List<Column<V>> all, List<String> asked, List<String> defaults) {
    List<String> names = asked.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    List<Column<V>> picked =
        all.stream()
            .filter(c -> names.stream().anyMatch(n -> n.equalsIgnoreCase(c.name())))
            .toList();
    if (picked.isEmpty()) {
      picked = all.stream().filter(c -> defaults.contains(c.name())).toList();
    }
    return picked;
  }

  private Header header(QueryEntity entity, ListState state, Column<?> c) {
    boolean numeric =
        c.name().equals("riskScore")
            || c.name().equals("qds")
            || c.name().equals("criticality")
            || c.name().equals("openFindings");
    String token = c.sortToken();
    if (token == null || !sortable.get(entity).contains(token.toLowerCase(Locale.ROOT))) {
      return new Header(c.name(), c.label(), null, null, numeric);
    }
    String current = state.sort();
    String aria = null;
    String nextSort = token;
    if (current.equalsIgnoreCase(token)) {
      aria = "ascending";
      nextSort = "-" + token;
    } else if (current.equalsIgnoreCase("-" + token)) {
      aria = "descending";
    }
    return new Header(c.name(), c.label(), state.sorted(nextSort), aria, numeric);
  }

  private List<ViewLink> savedViews(SignedIn who, QueryEntity entity, String path) {
    if (who == null) {
      return List.of();
    }
    return views.visibleTo(who.userId()).stream()
        .filter(v -> v.entity() == entity)
        .map(
            v -> {
              List<String[]> p = new ArrayList<>();
              p.add(new String[] {"q", v.query()});
              p.add(new String[] {"sort", v.sort()});
              p.add(new String[] {"cols", String.join(",", v.columns())});
              return new ViewLink(
                  v.id(),
                  v.name(),
                  v.owner(),
                  v.shared(),
                  Links.of(path, p),
                  new Permissions(who.role()).delete("/api/v1/views/" + v.id())
                      && v.changeableBy(
                          who.userId(), who.role() == dev.sightline.server.access.Role.ADMIN));
            })
        .toList();
  }
}
