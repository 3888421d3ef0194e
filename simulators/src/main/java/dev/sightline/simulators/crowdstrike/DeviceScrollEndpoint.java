package dev.sightline.simulators.crowdstrike;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * {@code GET /devices/queries/devices-scroll/v1} ({@code deviceapi.DeviceResponse}): {@code limit}
 * 1–10000 (default 100), optional FQL {@code filter}, {@code sort} with a dot, and the string
 * {@code offset} token of the previous page. The first call opens a scroll over the agents that
 * match; later calls with its token ignore {@code filter} and {@code sort}, like a server-side
 * scroll. {@code expires_at} is in epoch NANOseconds, as recorded. After the last record the next
 * call answers {@code resources: []}, {@code offset: ""}, {@code total: 0} (the recorded end).
 *
 * <p>No expired-scroll answer was ever recorded; like Spotlight's expired search context (the same
 * Elasticsearch behaviour) it is a 404 with {@code total: 0}, {@code offset: ""} and an {@code
 * errors[]} entry. Only agents are devices; unmanaged assets never appear.
 */
final class DeviceScrollEndpoint {
  static final String PATH = "/devices/queries/devices-scroll/v1";
  private static final int MAX_LIMIT = 10_000;

  private final AgentDirectory agents;
  private final DeviceScrolls scrolls;
  private final Clock clock;
  private final FqlFields<Integer> fields;

  DeviceScrollEndpoint(AgentDirectory agents, Clock clock, long seed) {
    this.agents = agents;
    this.scrolls = new DeviceScrolls(clock, seed);
    this.clock = clock;
    this.fields = DeviceFields.create(agents);
  }

  void handle(HttpCall call) throws IOException {
    Optional<Integer> limit = Limits.parse(call, 100, MAX_LIMIT);
    if (limit.isEmpty()) {
      CrowdStrikeErrors.queryError(
          call, 400, CrowdStrikeErrors.DEVICES, Limits.message(call, MAX_LIMIT));
      return;
    }
    String token = call.first("offset").orElse("");
    if (token.isEmpty()) {
      Optional<String> opened = open(call);
      if (opened.isEmpty()) {
        return;
      }
      token = opened.get();
    }
    Optional<DeviceScrolls.Page> page = scrolls.next(token, limit.get());
    if (page.isEmpty()) {
      call.respond(
          404,
          g -> {
            g.writeStartObject();
            CrowdStrikeErrors.meta(
                g,
                call,
                CrowdStrikeErrors.DEVICES,
                p -> {
                  p.writeNumberField("total", 0);
                  p.writeStringField("offset", "");
                });
            g.writeArrayFieldStart("resources");
            g.writeEndArray();
            CrowdStrikeErrors.errors(
                g,
                404,
                "scroll context expired or not found: the 'offset' token lives 2 minutes after "
                    + "its last use; start a new scroll without 'offset'");
            g.writeEndObject();
          });
      return;
    }
    DeviceScrolls.Page p = page.get();
    String offset = p.last() ? "" : token;
    call.stream(
        200,
        g -> {
          g.writeStartObject();
          CrowdStrikeErrors.meta(
              g,
              call,
              CrowdStrikeErrors.DEVICES,
              pg -> {
                pg.writeNumberField("total", p.total());
                pg.writeStringField("offset", offset);
                if (!p.last()) {
                  pg.writeNumberField("limit", limit.get());
                  pg.writeNumberField("expires_at", nanos(p.expiresAt()));
                }
              });
          g.writeArrayFieldStart("resources");
          for (int agent : p.agents()) {
            g.writeString(agents.aid(agent));
          }
          g.writeEndArray();
          CrowdStrikeErrors.noErrors(g);
          g.writeEndObject();
        });
  }

  private Optional<String> open(HttpCall call) throws IOException {
    Predicate<Integer> filter = a -> true;
    Optional<String> text = call.first("filter");
    if (text.isPresent()) {
      try {
        filter = fields.compile(text.get(), clock.instant()).predicate();
      } catch (FqlException e) {
        CrowdStrikeErrors.queryError(call, 400, CrowdStrikeErrors.DEVICES, e.getMessage());
        return Optional.empty();
      }
    }
    Optional<DeviceSort> sort =
        call.first("sort").map(DeviceSort::parse).orElse(Optional.of(DeviceSort.DEFAULT));
    if (sort.isEmpty()) {
      CrowdStrikeErrors.queryError(
          call,
          400,
          CrowdStrikeErrors.DEVICES,
          "Invalid sort '"
              + call.first("sort").orElse("")
              + "'; use <field>.asc or <field>.desc with field one of "
              + String.join(", ", DeviceSort.FIELDS));
      return Optional.empty();
    }
    Predicate<Integer> matches = filter;
    Integer[] order =
        IntStream.range(0, agents.count()).boxed().filter(matches).toArray(Integer[]::new);
    Arrays.sort(order, sort.get().comparator(agents));
    return Optional.of(scrolls.open(Arrays.stream(order).mapToInt(Integer::intValue).toArray()));
  }

  private static long nanos(Instant at) {
    return at.getEpochSecond() * 1_000_000_000L + at.getNano();
  }
}
