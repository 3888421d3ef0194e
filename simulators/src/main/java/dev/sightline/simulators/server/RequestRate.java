package dev.sightline.simulators.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How fast a set of requests arrived, by their arrival times in the {@link RequestLog}: what a
 * client's request budget achieved ({@link #perSecond}) and the most that arrived within any one
 * second ({@link #busiestSecond}), to compare with a vendor's per-second limit.
 *
 * @param requests how many arrived
 * @param refused how many were answered 429
 * @param span from the first arrival to the last
 * @param perSecond {@code (requests - 1) / span}: the rate of request starts between the first and
 *     the last, 0 with fewer than two
 * @param busiestSecond the most requests whose arrivals lie within one second of each other (a
 *     window [t, t + 1 s) starting at any arrival)
 */
public record RequestRate(
    int requests, int refused, Duration span, double perSecond, int busiestSecond) {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Duration SECOND = Duration.ofSeconds(1);

  /** The rate of these entries, in any order. */
  public static RequestRate of(List<RequestLog.Entry> entries) {
    List<Instant> at = entries.stream().map(RequestLog.Entry::at).sorted().toList();
    int refused = (int) entries.stream().filter(e -> e.status() == 429).count();
    if (at.size() < 2) {
      return new RequestRate(at.size(), refused, Duration.ZERO, 0, at.size());
    }
    int busiest = 0;
    int first = 0;
    for (int last = 0; last < at.size(); last++) {
      while (Duration.between(at.get(first), at.get(last)).compareTo(SECOND) >= 0) {
        first++;
      }
      busiest = Math.max(busiest, last - first + 1);
    }
    Duration span = Duration.between(at.get(0), at.get(at.size() - 1));
    double perSecond = span.isZero() ? 0 : (at.size() - 1) / (span.toNanos() / 1e9);
    return new RequestRate(at.size(), refused, span, perSecond, busiest);
  }

  /** The share of {@code budget} requests per second that {@link #perSecond} used. */
  public double useOf(double budget) {
    return perSecond / budget;
  }

  public ObjectNode toJson() {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("requests", requests);
    json.put("refused", refused);
    json.put("spanMillis", span.toMillis());
    json.put("perSecond", Math.round(perSecond * 100) / 100.0);
    json.put("busiestSecond", busiestSecond);
    return json;
  }
}
