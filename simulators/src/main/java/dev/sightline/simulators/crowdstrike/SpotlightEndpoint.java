package dev.sightline.simulators.crowdstrike;

import dev.sightline.simulators.fleet.StableHash;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /spotlight/combined/vulnerabilities/v1}: required FQL {@code filter}, {@code limit}
 * 1–5000 (default 100), expiring {@code after} cursor, {@code sort}, repeated {@code facet}.
 *
 * <p>The end of paging is inconsistent on purpose, as observed: the last page's {@code after} is
 * non-empty when the page is full and, for a partial last page, non-empty or "" depending on the
 * query; a request with that trailing cursor returns {@code resources: []} and {@code after: ""}.
 */
final class SpotlightEndpoint {
  static final String PATH = "/spotlight/combined/vulnerabilities/v1";
  private static final Set<String> FACETS =
      Set.of("cve", "host_info", "remediation", "evaluation_logic");
  private static final int MAX_LIMIT = 5000;

  private final long seed;
  private final VulnStore store;
  private final CursorRegistry cursors;
  private final CrowdStrikeFaultPlan faults;
  private final Clock clock;
  private final FqlFields<Vuln> fields;

  SpotlightEndpoint(
      long seed,
      VulnStore store,
      CursorRegistry cursors,
      CrowdStrikeFaultPlan faults,
      Clock clock) {
    this.seed = seed;
    this.store = store;
    this.cursors = cursors;
    this.faults = faults;
    this.clock = clock;
    this.fields = VulnFields.create(store.agents(), store.catalog());
  }

  void handle(HttpCall call) throws IOException {
    Optional<Integer> limit = Limits.parse(call, 100, MAX_LIMIT);
    if (limit.isEmpty()) {
      CrowdStrikeErrors.queryError(
          call, 400, CrowdStrikeErrors.SPOTLIGHT, Limits.message(call, MAX_LIMIT));
      return;
    }
    String filter = call.first("filter").orElse("");
    FqlFields.Compiled<Vuln> compiled;
    try {
      compiled = fields.compile(filter, clock.instant());
    } catch (FqlException e) {
      CrowdStrikeErrors.queryError(call, 400, CrowdStrikeErrors.SPOTLIGHT, e.getMessage());
      return;
    }
    Optional<VulnSort> sort =
        call.first("sort").map(VulnSort::parse).orElse(Optional.of(VulnSort.DEFAULT));
    if (sort.isEmpty()) {
      CrowdStrikeErrors.queryError(
          call,
          400,
          CrowdStrikeErrors.SPOTLIGHT,
          "Invalid sort '"
              + call.first("sort").orElse("")
              + "'; supported: "
              + String.join(", ", VulnSort.SUPPORTED));
      return;
    }
    Set<String> facets = new LinkedHashSet<>();
    for (String facet : call.all("facet")) {
      if (!FACETS.contains(facet)) {
        CrowdStrikeErrors.queryError(
            call,
            400,
            CrowdStrikeErrors.SPOTLIGHT,
            "Invalid facet '"
                + facet
                + "'; supported: cve, "
                + "host_info, remediation, evaluation_logic (repeat the parameter for several: facet=cve&facet=host_info)");
        return;
      }
      facets.add(facet);
    }
    Optional<VulnKey> after = Optional.empty();
    String afterToken = call.first("after").orElse("");
    if (!afterToken.isEmpty()) {
      after =
          cursors
              .redeem(afterToken)
              .flatMap(
                  p ->
                      p.sortValue().isNumber()
                          ? VulnKey.of(sort.get().encodeSortValue(p.sortValue().asLong()), p.id())
                          : Optional.empty());
      if (after.isEmpty()) {
        CrowdStrikeErrors.searchContextExpired(call, limit.get(), CrowdStrikeErrors.SPOTLIGHT);
        return;
      }
    }
    VulnQuery query = new VulnQuery(store, sort.get(), compiled, filter);
    VulnQuery.Page page = query.page(after, limit.get());
    long total = query.total();
    String nextAfter = nextAfter(page, limit.get(), sort.get(), filter);
    int broken =
        !page.records().isEmpty() && faults.takeMalformed()
            ? (int)
                Long.remainderUnsigned(
                    StableHash.of(seed, page.records().size(), total), page.records().size())
            : -1;
    VulnJsonWriter writer = new VulnJsonWriter(seed, store.agents(), store.catalog(), facets);
    List<Vuln> records = page.records();
    call.stream(
        200,
        g -> {
          g.writeStartObject();
          CrowdStrikeErrors.meta(
              g,
              call,
              CrowdStrikeErrors.SPOTLIGHT,
              p -> {
                p.writeNumberField("limit", limit.get());
                p.writeNumberField("total", total);
                p.writeStringField("after", nextAfter);
              });
          g.writeArrayFieldStart("resources");
          for (int i = 0; i < records.size(); i++) {
            Vuln v = records.get(i);
            writer.write(
                g,
                v,
                i == broken ? VulnJsonWriter.malformationFor(v) : VulnJsonWriter.Malformation.NONE);
          }
          g.writeEndArray();
          CrowdStrikeErrors.noErrors(g);
          g.writeEndObject();
        });
  }

  private String nextAfter(VulnQuery.Page page, int limit, VulnSort sort, String filter) {
    List<Vuln> records = page.records();
    if (records.isEmpty()) {
      return "";
    }
    Vuln last = records.get(records.size() - 1);
    // A partial last page keeps a cursor for some queries and not others, as seen in production.
    boolean keepCursor =
        page.more()
            || records.size() == limit
            || (StableHash.of(seed, filter.hashCode(), records.size()) & 1) == 0;
    return keepCursor
        ? cursors.issue(sort.sortValueMillis(last), VulnJsonWriter.id(last, store.agents()))
        : "";
  }
}
