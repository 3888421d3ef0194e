package dev.sightline.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The latencies of a run of the query mix: over every query, and per query of the mix. */
record MixLatencies(Latencies all, Map<String, Latencies> byQuery) {

  MixLatencies {
    byQuery = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byQuery));
  }

  /** One timing: a query of the mix took {@code millis}, or failed (NaN). */
  record Sample(String query, double millis) {
    boolean failed() {
      return Double.isNaN(millis);
    }
  }

  static MixLatencies of(List<String> queries, List<Sample> samples) {
    Map<String, Latencies> byQuery = new LinkedHashMap<>();
    for (String query : queries) {
      byQuery.put(query, latencies(samples.stream().filter(s -> s.query().equals(query)).toList()));
    }
    return new MixLatencies(latencies(samples), byQuery);
  }

  private static Latencies latencies(List<Sample> samples) {
    return Latencies.of(
        samples.stream().filter(s -> !s.failed()).mapToDouble(Sample::millis).toArray(),
        (int) samples.stream().filter(Sample::failed).count());
  }
}
