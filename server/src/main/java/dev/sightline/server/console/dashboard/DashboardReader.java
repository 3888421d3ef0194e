package dev.sightline.server.console.dashboard;

import dev.sightline.platform.connectors.ConnectorService;
import dev.sightline.platform.connectors.ConnectorView;
import dev.sightline.platform.query.QueryEntity;
import dev.sightline.platform.search.Counts;
import dev.sightline.platform.search.InventoryCounts;
import dev.sightline.platform.search.InventorySearch;
import dev.sightline.platform.search.SearchRequest;
import dev.sightline.platform.sync.SyncRun;
import dev.sightline.platform.sync.SyncService;
import dev.sightline.platform.views.AssetView;
import dev.sightline.platform.views.InventoryQueries;
import dev.sightline.server.console.Permissions;
import dev.sightline.server.console.dashboard.Board.Chart;
import dev.sightline.server.console.dashboard.Board.ConnectorHealth;
import dev.sightline.server.console.dashboard.Board.Day;
import dev.sightline.server.console.dashboard.Board.Figure;
import dev.sightline.server.console.dashboard.Board.LastRun;
import dev.sightline.server.console.dashboard.Board.RiskyAsset;
import dev.sightline.server.console.dashboard.Board.Slice;
import dev.sightline.server.console.dashboard.Board.Slot;
import dev.sightline.server.console.dashboard.Board.Totals;
import dev.sightline.server.console.dashboard.Board.Trend;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Reads the dashboard: every number from the query API's counts and groupings (never by loading
 * rows), the ten riskiest assets from the listing, connector health from the connectors' latest
 * runs. Each part is read only when the role may call the API endpoint that answers it.
 */
@Component
public class DashboardReader {
  /** Days the trend spans, today included. */
  static final int TREND_DAYS = 30;

  private static final List<String> STATES = List.of("NEW", "ACTIVE", "REOPENED", "FIXED");
  private static final List<String> BANDS = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW");

  private final InventoryCounts counts;
  private final InventorySearch search;
  private final ConnectorService connectors;
  private final SyncService sync;
  private final Clock clock;

  DashboardReader(
      InventoryCounts counts,
      InventorySearch search,
      ConnectorService connectors,
      SyncService sync,
      Clock clock) {
    this.counts = counts;
    this.search = search;
    this.connectors = connectors;
    this.sync = sync;
    this.clock = clock;
  }

  /** The charts in the order they are laid out, each with the role that may read it. */
  private static final List<Slot> FINDING_CHARTS =
      List.of(
          new Slot("findings-by-severity", "Findings by severity"),
          new Slot("findings-by-state", "Findings by state"),
          new Slot("findings-by-source", "Findings by source"));

  private static final List<Slot> ASSET_CHARTS =
      List.of(
          new Slot("assets-by-source", "Assets by source"),
          new Slot("assets-by-state", "Assets by state"),
          new Slot("assets-by-risk-band", "Assets by risk band"));

  /**
   * The dashboard as this role may see it, without its charts: only what answers at once (totals,
   * the ten riskiest assets, connector health). The charts are counted one by one by {@link #chart}
   * and {@link #trend}, each on its own request.
   */
  public Board read(Permissions may) {
    boolean assets = readsAssets(may);
    boolean findings = readsFindings(may);
    boolean connectorList = may.get("/api/v1/connectors");
    List<Slot> charts = new ArrayList<>();
    Optional<Figure> assetTotal = Optional.empty();
    Optional<Figure> findingTotal = Optional.empty();
    Optional<Figure> openTotal = Optional.empty();
    if (findings) {
      findingTotal =
          Optional.of(
              new Figure("Findings", total(QueryEntity.FINDINGS, ""), ChartQueries.findings("")));
      String open = ChartQueries.openFindings();
      openTotal =
          Optional.of(
              new Figure(
                  "Open findings", total(QueryEntity.FINDINGS, open), ChartQueries.findings(open)));
      charts.addAll(FINDING_CHARTS);
    }
    Optional<List<RiskyAsset>> riskiest = Optional.empty();
    if (assets) {
      assetTotal =
          Optional.of(new Figure("Assets", total(QueryEntity.ASSETS, ""), ChartQueries.assets("")));
      charts.addAll(ASSET_CHARTS);
      riskiest = Optional.of(riskiest());
    }
    Optional<Board.Totals> totals =
        assets || findings
            ? Optional.of(new Totals(assetTotal, findingTotal, openTotal))
            : Optional.empty();
    return new Board(
        totals,
        charts,
        findings,
        riskiest,
        assets
            ? Optional.of(ChartQueries.assets(ChartQueries.scoredAssets(), "-asset.riskScore"))
            : Optional.empty(),
        connectorList ? Optional.of(connectorHealth()) : Optional.empty(),
        may.get("/api/v1/connectors/0"),
        may.get("/api/v1/runs/0"));
  }

  /** One chart, counted now; empty when there is no such chart or the role may not read it. */
  public Optional<Chart> chart(String id, Permissions may) {
    if (readsFindings(may)) {
      switch (id) {
        case "findings-by-severity":
          return Optional.of(findingsBySeverity(count(QueryEntity.FINDINGS, "", "severity")));
        case "findings-by-state":
          return Optional.of(findingsByState(count(QueryEntity.FINDINGS, "", "state")));
        case "findings-by-source":
          return Optional.of(findingsBySource(count(QueryEntity.FINDINGS, "", "source")));
        default:
          break;
      }
    }
    if (readsAssets(may)) {
      switch (id) {
        case "assets-by-source":
          return Optional.of(assetsBySource(count(QueryEntity.ASSETS, "", "source")));
        case "assets-by-state":
          return Optional.of(assetsByState(count(QueryEntity.ASSETS, "", "state")));
        case "assets-by-risk-band":
          return Optional.of(riskBands(count(QueryEntity.ASSETS, "", "riskBand")));
        default:
          break;
      }
    }
    return Optional.empty();
  }

  /** The title of a chart this role may see, for a chart whose count failed. */
  public Optional<Slot> slot(String id, Permissions may) {
    List<Slot> all = new ArrayList<>();
    if (readsFindings(may)) {
      all.addAll(FINDING_CHARTS);
    }
    if (readsAssets(may)) {
      all.addAll(ASSET_CHARTS);
    }
    return all.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /** New and fixed findings per day, counted now; empty when the role may not read findings. */
  public Optional<Trend> trend(Permissions may) {
    return readsFindings(may) ? Optional.of(trend()) : Optional.empty();
  }

  private static boolean readsAssets(Permissions may) {
    return may.get("/api/v1/assets/count") && may.get("/api/v1/assets");
  }

  private static boolean readsFindings(Permissions may) {
    return may.get("/api/v1/findings/count");
  }

  private long total(QueryEntity entity, String q) {
    return counts.count(entity, Optional.of(q), Optional.empty()).total();
  }

  private Counts count(QueryEntity entity, String q, String groupBy) {
    return counts.count(entity, Optional.of(q), Optional.of(groupBy));
  }

  private static Chart findingsBySeverity(Counts c) {
    Map<String, Long> by = byKey(c);
    List<Slice> slices = new ArrayList<>();
    for (int severity = 5; severity >= 1; severity--) {
      String key = String.valueOf(severity);
      slices.add(
          new Slice(
              "Severity " + severity,
              by.getOrDefault(key, 0L),
              ChartQueries.findings(ChartQueries.findingSeverity(key)),
              "--sev-" + severity));
    }
    if (by.containsKey(null)) {
      slices.add(
          new Slice(
              "No severity",
              by.get(null),
              ChartQueries.findings(ChartQueries.findingSeverity(null)),
              "--sev-1"));
    }
    return new Chart(
        "findings-by-severity",
        "Findings by severity",
        "findings",
        "Severity",
        "bar",
        c.total(),
        ChartQueries.findings(""),
        slices,
        false);
  }

  private static Chart findingsByState(Counts c) {
    Map<String, Long> by = byKey(c);
    List<Slice> slices = new ArrayList<>();
    for (String state : STATES) {
      slices.add(
          new Slice(
              words(state),
              by.getOrDefault(state, 0L),
              ChartQueries.findings(ChartQueries.findingState(state)),
              stateColour(state)));
    }
    return new Chart(
        "findings-by-state",
        "Findings by state",
        "findings",
        "State",
        "bar",
        c.total(),
        ChartQueries.findings(""),
        slices,
        false);
  }

  private static Chart findingsBySource(Counts c) {
    return new Chart(
        "findings-by-source",
        "Findings by source",
        "findings",
        "Source",
        "hbar",
        c.total(),
        ChartQueries.findings(""),
        sources(c, s -> ChartQueries.findings(ChartQueries.findingSource(s))),
        c.truncated());
  }

  private static Chart assetsBySource(Counts c) {
    return new Chart(
        "assets-by-source",
        "Assets by source",
        "assets",
        "Source",
        "hbar",
        c.total(),
        ChartQueries.assets(""),
        sources(c, s -> ChartQueries.assets(ChartQueries.assetSource(s))),
        c.truncated());
  }

  /** One bar per source, largest first; findings no detection explains are counted unlinked. */
  private static List<Slice> sources(Counts c, Function<String, String> href) {
    return c.groups().stream()
        .map(
            g ->
                g.key() == null
                    ? new Slice("No source", g.count(), null, "--sev-1")
                    : new Slice(g.key(), g.count(), href.apply(g.key()), "--primary"))
        .toList();
  }

  private static Chart assetsByState(Counts c) {
    Map<String, Long> by = byKey(c);
    List<Slice> slices =
        List.of(
            new Slice(
                "Active",
                by.getOrDefault("ACTIVE", 0L),
                ChartQueries.assets(ChartQueries.assetState("ACTIVE")),
                "--state-processed"),
            new Slice(
                "Stale",
                by.getOrDefault("STALE", 0L),
                ChartQueries.assets(ChartQueries.assetState("STALE")),
                "--state-registered"));
    return new Chart(
        "assets-by-state",
        "Assets by state",
        "assets",
        "State",
        "bar",
        c.total(),
        ChartQueries.assets(""),
        slices,
        false);
  }

  private static Chart riskBands(Counts c) {
    Map<String, Long> by = byKey(c);
    List<Slice> slices = new ArrayList<>();
    int severity = 5;
    for (String band : BANDS) {
      slices.add(
          new Slice(
              words(band),
              by.getOrDefault(band, 0L),
              ChartQueries.assets(ChartQueries.assetRiskBand(band)),
              "--sev-" + severity--));
    }
    if (by.containsKey(null)) {
      slices.add(
          new Slice(
              "Not scored",
              by.get(null),
              ChartQueries.assets(ChartQueries.assetRiskBand(null)),
              "--sev-1"));
    }
    return new Chart(
        "assets-by-risk-band",
        "Assets by risk band",
        "assets",
        "Risk band",
        "bar",
        c.total(),
        ChartQueries.assets(""),
        slices,
        false);
  }

  /** The last {@value #TREND_DAYS} UTC days, today included, every day present (zero if none). */
  private Trend trend() {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate from = today.minusDays(TREND_DAYS - 1L);
    Counts found = count(QueryEntity.FINDINGS, ChartQueries.foundSince(from), "firstFound:day");
    Counts fixed = count(QueryEntity.FINDINGS, ChartQueries.fixedSince(from), "fixedOn:day");
    Map<String, Long> foundBy = byKey(found);
    Map<String, Long> fixedBy = byKey(fixed);
    List<Day> days = new ArrayList<>();
    for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
      days.add(
          new Day(
              day,
              foundBy.getOrDefault(day.toString(), 0L),
              ChartQueries.findings(ChartQueries.foundOn(day)),
              fixedBy.getOrDefault(day.toString(), 0L),
              ChartQueries.findings(ChartQueries.fixedOn(day))));
    }
    return new Trend(
        from,
        found.total(),
        ChartQueries.findings(ChartQueries.foundSince(from)),
        fixed.total(),
        ChartQueries.findings(ChartQueries.fixedSince(from)),
        days);
  }

  /** The ten assets of highest risk score: one page of the listing, ordered by the score. */
  private List<RiskyAsset> riskiest() {
    SearchRequest request =
        new SearchRequest(
            Optional.of(ChartQueries.scoredAssets()),
            Optional.of("-asset.riskScore"),
            0,
            10,
            Optional.empty(),
            false);
    return search.assets(InventoryQueries.Filter.none(), request).items().stream()
        .map(
            a ->
                new RiskyAsset(
                    a.id(),
                    name(a),
                    a.riskScore(),
                    a.riskBand(),
                    a.openFindings(),
                    "/assets/" + a.id()))
        .toList();
  }

  private static String name(AssetView a) {
    if (a.hostName() != null && !a.hostName().isBlank()) {
      return a.hostName();
    }
    if (a.assetName() != null && !a.assetName().isBlank()) {
      return a.assetName();
    }
    return "Asset " + a.id();
  }

  private List<ConnectorHealth> connectorHealth() {
    return connectors.list().stream()
        .sorted(Comparator.comparing(ConnectorView::name, String.CASE_INSENSITIVE_ORDER))
        .map(
            c ->
                new ConnectorHealth(
                    c.id(),
                    c.name(),
                    c.sourceName(),
                    c.state(),
                    c.draft(),
                    sync.latestRun(c.id()).map(DashboardReader::lastRun)))
        .toList();
  }

  private static LastRun lastRun(SyncRun r) {
    Optional<Duration> took =
        r.startedAt().flatMap(s -> r.finishedAt().map(f -> Duration.between(s, f)));
    return new LastRun(
        r.runId(),
        r.state().name(),
        r.requestedAt(),
        r.finishedAt(),
        took,
        r.counters().fetched(),
        r.counters().created() + r.counters().updated(),
        r.counters().rejected(),
        r.error());
  }

  private static Map<String, Long> byKey(Counts c) {
    Map<String, Long> by = new HashMap<>();
    c.groups().forEach(g -> by.merge(g.key(), g.count(), Long::sum));
    return by;
  }

  /** CRITICAL → Critical, REOPENED → Reopened. */
  private static String words(String value) {
    String lower = value.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  private static String stateColour(String state) {
    return switch (state) {
      case "NEW" -> "--state-scheduled";
      case "ACTIVE" -> "--state-processing";
      case "REOPENED" -> "--state-errored";
      default -> "--state-processed";
    };
  }
}
