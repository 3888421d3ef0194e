package dev.sightline.simulators.crowdstrike;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Falcon Discover hosts: {@code combined/hosts} (required filter, after cursor, limit ≤ 1000),
 * {@code queries/hosts} (offset paging capped at offset + limit ≤ 10,000, as in production) and
 * {@code entities/hosts} (at most 100 repeated {@code ids}). Records are agents and unmanaged
 * assets, less the machines the {@code unlisted-hosts} fault hides.
 */
final class DiscoverEndpoints {
  static final String COMBINED = "/discover/combined/hosts/v1";
  static final String QUERIES = "/discover/queries/hosts/v1";
  static final String ENTITIES = "/discover/entities/hosts/v1";
  private static final int OFFSET_CAP = 10_000;

  private final long seed;
  private final AgentDirectory agents;
  private final HostSearch search;
  private final CursorRegistry cursors;
  private final CrowdStrikeFaultPlan faults;
  private final Clock clock;
  private final FqlFields<Integer> fields;

  DiscoverEndpoints(
      long seed,
      AgentDirectory agents,
      UnlistedHosts unlisted,
      CursorRegistry cursors,
      CrowdStrikeFaultPlan faults,
      Clock clock) {
    this.seed = seed;
    this.agents = agents;
    this.search = new HostSearch(agents, unlisted);
    this.cursors = cursors;
    this.faults = faults;
    this.clock = clock;
    this.fields = HostFields.create(agents);
  }

  void combined(HttpCall call) throws IOException {
    Optional<Integer> limit = Limits.parse(call, 100, 1000);
    if (limit.isEmpty()) {
      CrowdStrikeErrors.queryError(
          call, 400, CrowdStrikeErrors.DISCOVER, Limits.message(call, 1000));
      return;
    }
    Optional<Predicate<Integer>> filter = filter(call, true);
    Optional<HostSort> sort = sort(call, new HostSort(HostSort.Field.LAST_SEEN, false));
    if (filter.isEmpty() || sort.isEmpty()) {
      return;
    }
    Optional<CursorRegistry.Position> after = Optional.empty();
    String token = call.first("after").orElse("");
    if (!token.isEmpty()) {
      after = cursors.redeem(token).filter(p -> sort.get().textual() == p.sortValue().isTextual());
      if (after.isEmpty()) {
        CrowdStrikeErrors.searchContextExpired(call, limit.get(), CrowdStrikeErrors.DISCOVER);
        return;
      }
    }
    String filterText = call.first("filter").orElse("");
    HostSearch.Page page = search.page(sort.get(), filter.get(), after, 0, limit.get());
    long total = search.count(filterText, filter.get());
    String next = "";
    if (page.more() || page.agents().size() == limit.get()) {
      int last = page.agents().get(page.agents().size() - 1);
      Object value = search.sortValue(sort.get(), last);
      next =
          value instanceof Long millis
              ? cursors.issue(millis, agents.discoverId(last))
              : cursors.issue((String) value, agents.discoverId(last));
    }
    String after2 = next;
    writeHosts(
        call,
        page.agents(),
        g -> {
          g.writeNumberField("limit", limit.get());
          g.writeNumberField("total", total);
          g.writeStringField("after", after2);
        });
  }

  void queries(HttpCall call) throws IOException {
    Optional<Integer> limit = Limits.parse(call, 100, 100);
    if (limit.isEmpty()) {
      CrowdStrikeErrors.queryError(
          call, 400, CrowdStrikeErrors.DISCOVER, Limits.message(call, 100));
      return;
    }
    int offset;
    try {
      offset = Integer.parseInt(call.first("offset").orElse("0").trim());
    } catch (NumberFormatException e) {
      offset = -1;
    }
    if (offset < 0) {
      CrowdStrikeErrors.queryError(
          call,
          400,
          CrowdStrikeErrors.DISCOVER,
          "Invalid offset '" + call.first("offset").orElse("") + "': must be an integer >= 0");
      return;
    }
    if ((long) offset + limit.get() > OFFSET_CAP) {
      CrowdStrikeErrors.queryError(
          call,
          400,
          CrowdStrikeErrors.DISCOVER,
          "offset "
              + offset
              + " and limit "
              + limit.get()
              + " are invalid; offset + limit must be less than or equal to "
              + OFFSET_CAP);
      return;
    }
    Optional<Predicate<Integer>> filter = filter(call, false);
    Optional<HostSort> sort = sort(call, HostSort.BY_ID);
    if (filter.isEmpty() || sort.isEmpty()) {
      return;
    }
    HostSearch.Page page =
        search.page(sort.get(), filter.get(), Optional.empty(), offset, limit.get());
    long total = search.count(call.first("filter").orElse(""), filter.get());
    int pageOffset = offset;
    call.respond(
        200,
        g -> {
          g.writeStartObject();
          CrowdStrikeErrors.meta(
              g,
              call,
              CrowdStrikeErrors.DISCOVER,
              p -> {
                p.writeNumberField("offset", pageOffset);
                p.writeNumberField("limit", limit.get());
                p.writeNumberField("total", total);
              });
          g.writeArrayFieldStart("resources");
          for (int agent : page.agents()) {
            g.writeString(agents.discoverId(agent));
          }
          g.writeEndArray();
          CrowdStrikeErrors.noErrors(g);
          g.writeEndObject();
        });
  }

  void entities(HttpCall call) throws IOException {
    List<String> ids = call.all("ids");
    if (ids.isEmpty()) {
      CrowdStrikeErrors.queryError(
          call, 400, CrowdStrikeErrors.DISCOVER, "'ids' is required; repeat it for several ids");
      return;
    }
    if (ids.size() > 100) {
      CrowdStrikeErrors.queryError(
          call,
          400,
          CrowdStrikeErrors.DISCOVER,
          "Too many ids: " + ids.size() + "; at most 100 per request");
      return;
    }
    List<Integer> found = new ArrayList<>();
    for (String id : ids) {
      int agent = search.agentByDiscoverId(id);
      if (agent >= 0) {
        found.add(agent);
      }
    }
    writeHosts(call, found, null);
  }

  private void writeHosts(HttpCall call, List<Integer> hosts, HttpCall.JsonWriter pagination)
      throws IOException {
    int broken = !hosts.isEmpty() && faults.takeMalformed() ? hosts.size() / 2 : -1;
    DiscoverHostJsonWriter writer = new DiscoverHostJsonWriter(seed, agents);
    call.stream(
        200,
        g -> {
          g.writeStartObject();
          CrowdStrikeErrors.meta(g, call, CrowdStrikeErrors.DISCOVER, pagination);
          g.writeArrayFieldStart("resources");
          for (int i = 0; i < hosts.size(); i++) {
            writer.write(g, hosts.get(i), i == broken);
          }
          g.writeEndArray();
          CrowdStrikeErrors.noErrors(g);
          g.writeEndObject();
        });
  }

  private Optional<Predicate<Integer>> filter(HttpCall call, boolean required) throws IOException {
    Optional<String> text = call.first("filter");
    if (text.isEmpty() && !required) {
      return Optional.of(a -> true);
    }
    try {
      return Optional.of(fields.compile(text.orElse(""), clock.instant()).predicate());
    } catch (FqlException e) {
      CrowdStrikeErrors.queryError(call, 400, CrowdStrikeErrors.DISCOVER, e.getMessage());
      return Optional.empty();
    }
  }

  private Optional<HostSort> sort(HttpCall call, HostSort defaultSort) throws IOException {
    Optional<String> text = call.first("sort");
    if (text.isEmpty()) {
      return Optional.of(defaultSort);
    }
    Optional<HostSort> sort = HostSort.parse(text.get());
    if (sort.isEmpty()) {
      CrowdStrikeErrors.queryError(
          call,
          400,
          CrowdStrikeErrors.DISCOVER,
          "Invalid sort '" + text.get() + "'; supported: " + String.join(", ", HostSort.SUPPORTED));
    }
    return sort;
  }
}
