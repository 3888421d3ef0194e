package dev.sightline.bench;

import java.util.Arrays;

/**
 * Query latencies of a set of runs: how many ran, how many failed, and the 50th and 95th
 * percentiles and the maximum of the successful ones (nearest rank), in milliseconds.
 */
record Latencies(int queries, int errors, double p50, double p95, double max) {

  static Latencies of(double[] millis, int errors) {
    if (millis.length == 0) {
      return new Latencies(0, errors, 0, 0, 0);
    }
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    return new Latencies(
        sorted.length + errors,
        errors,
        rank(sorted, 0.50),
        rank(sorted, 0.95),
        sorted[sorted.length - 1]);
  }

  private static double rank(double[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
