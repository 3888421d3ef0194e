package dev.sightline.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Where a sync is killed, drawn from a seeded {@link Random} so that a failure is replayed with its
 * seed: points spread over each stream in its order (each stream cut into equal slices, one point
 * at a random record count in each slice), then one in the work after the last page (accounting,
 * lifecycle, scoring), when every stream has committed all its records and the run has not ended.
 */
record KillPlan(long seed, List<Point> points) {

  /**
   * A kill point: once {@code stream} has committed at least {@code records} records; a null stream
   * is the work after the last page.
   */
  record Point(String stream, long records) {
    boolean afterLastPage() {
      return stream == null;
    }

    @Override
    public String toString() {
      return afterLastPage() ? "after the last page" : stream + " >= " + records + " records";
    }
  }

  /** One stream to cut: its name, its records in an uninterrupted run, and how many points. */
  record Stream(String name, long records, int points) {}

  static KillPlan draw(long seed, List<Stream> streams) {
    Random random = new Random(seed);
    List<Point> points = new ArrayList<>();
    for (Stream s : streams) {
      for (int i = 0; i < s.points(); i++) {
        long lo = s.records() * i / s.points();
        long hi = s.records() * (i + 1) / s.points();
        // at least one record in, and never the stream's last record: that is the next point's
        long at = Math.max(1, lo + (long) (random.nextDouble() * (hi - lo)));
        points.add(new Point(s.name(), Math.min(at, s.records() - 1)));
      }
    }
    points.add(new Point(null, 0));
    return new KillPlan(seed, List.copyOf(points));
  }

  /**
   * Whether the run (as GET /api/v1/runs/{id} shows it) has reached the point; {@code expected}
   * holds each stream's records in an uninterrupted run.
   */
  static boolean reached(Point p, JsonNode run, java.util.Map<String, Long> expected) {
    JsonNode streams = run.path("counters").path("streams");
    if (p.afterLastPage()) {
      return expected.entrySet().stream()
          .allMatch(e -> streams.path(e.getKey()).path("fetched").asLong() >= e.getValue());
    }
    return streams.path(p.stream()).path("fetched").asLong() >= p.records();
  }
}
