package dev.sightline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Runs the query mix and times each query: idle (one client, each case after a warm-up) or as
 * {@code clients} concurrent clients while something else runs (each client goes round the mix,
 * starting at its own case, until the other work is done, and at least once round).
 */
final class QueryLoad {
  private final List<QueryMix.Case> cases;

  QueryLoad(List<QueryMix.Case> cases) {
    this.cases = cases;
  }

  /** Every case once to warm up, then {@code rounds} more times, one query at a time. */
  Latencies idle(int rounds) {
    List<Double> millis = new ArrayList<>();
    int errors = 0;
    for (int round = 0; round <= rounds; round++) {
      for (QueryMix.Case c : cases) {
        long start = System.nanoTime();
        try {
          c.run().get();
          if (round > 0) {
            millis.add((System.nanoTime() - start) / 1e6);
          }
        } catch (RuntimeException e) {
          if (errors++ == 0) {
            System.err.println("bench: query '" + c.name() + "' failed: " + e);
          }
        }
      }
    }
    return Latencies.of(millis.stream().mapToDouble(Double::doubleValue).toArray(), errors);
  }

  /**
   * {@code clients} threads going round the mix until {@code done} says so (each at least once
   * round); a query that throws is an error, counted and not timed.
   */
  Latencies concurrent(int clients, BooleanSupplier done) throws InterruptedException {
    ConcurrentLinkedQueue<Double> millis = new ConcurrentLinkedQueue<>();
    AtomicInteger errors = new AtomicInteger();
    CountDownLatch finished = new CountDownLatch(clients);
    for (int client = 0; client < clients; client++) {
      int first = client % cases.size();
      Thread thread =
          new Thread(
              () -> {
                try {
                  for (long n = 0; n < cases.size() || !done.getAsBoolean(); n++) {
                    QueryMix.Case c = cases.get((int) ((first + n) % cases.size()));
                    long start = System.nanoTime();
                    try {
                      c.run().get();
                      millis.add((System.nanoTime() - start) / 1e6);
                    } catch (RuntimeException e) {
                      if (errors.getAndIncrement() == 0) {
                        System.err.println("bench: query '" + c.name() + "' failed: " + e);
                      }
                    }
                  }
                } finally {
                  finished.countDown();
                }
              },
              "bench-client-" + client);
      thread.setDaemon(true);
      thread.start();
    }
    finished.await();
    return Latencies.of(millis.stream().mapToDouble(Double::doubleValue).toArray(), errors.get());
  }
}
