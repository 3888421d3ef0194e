package dev.sightline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Runs the query mix and times each query: idle (one client, each case after a warm-up) or as
 * {@code clients} concurrent clients while something else runs (each client goes round the mix,
 * starting at its own case, until the other work is done, and at least once round). A query that
 * throws (a timeout, a refused connection) is an error, counted and not timed.
 */
final class QueryLoad {
  private final List<QueryMix.Case> cases;
  private final AtomicBoolean reported = new AtomicBoolean();

  QueryLoad(List<QueryMix.Case> cases) {
    this.cases = cases;
  }

  /** Every case once to warm up, then {@code rounds} more times, one query at a time. */
  MixLatencies idle(int rounds) {
    List<MixLatencies.Sample> samples = new ArrayList<>();
    for (int round = 0; round <= rounds; round++) {
      for (QueryMix.Case c : cases) {
        MixLatencies.Sample sample = time(c);
        if (round > 0) {
          samples.add(sample);
        }
      }
    }
    return MixLatencies.of(names(), samples);
  }

  /**
   * {@code clients} threads going round the mix until {@code done} says so (each once at least).
   */
  MixLatencies concurrent(int clients, BooleanSupplier done) throws InterruptedException {
    ConcurrentLinkedQueue<MixLatencies.Sample> samples = new ConcurrentLinkedQueue<>();
    CountDownLatch finished = new CountDownLatch(clients);
    for (int client = 0; client < clients; client++) {
      int first = client % cases.size();
      Thread thread =
          new Thread(
              () -> {
                try {
                  for (long n = 0; n < cases.size() || !done.getAsBoolean(); n++) {
                    samples.add(time(cases.get((int) ((first + n) % cases.size()))));
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
    return MixLatencies.of(names(), new ArrayList<>(samples));
  }

  private MixLatencies.Sample time(QueryMix.Case c) {
    long start = System.nanoTime();
    try {
      c.run().get();
      return new MixLatencies.Sample(c.name(), (System.nanoTime() - start) / 1e6);
    } catch (RuntimeException e) {
      if (reported.compareAndSet(false, true)) {
        System.err.println("bench: query '" + c.name() + "' failed (first error only): " + e);
      }
      return new MixLatencies.Sample(c.name(), Double.NaN);
    }
  }

  private List<String> names() {
    return cases.stream().map(QueryMix.Case::name).toList();
  }
}
