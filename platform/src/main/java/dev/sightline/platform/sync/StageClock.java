package dev.sightline.platform.sync;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Adds up where one run's time goes; used by the run's own thread only. */
final class StageClock {
  private final EnumMap<RunStage, Long> nanos = new EnumMap<>(RunStage.class);

  /** Work that may throw a checked exception. */
  @FunctionalInterface
  interface Timed<T, E extends Exception> {
    T run() throws E;
  }

  <T, E extends Exception> T time(RunStage stage, Timed<T, E> work) throws E {
    long start = System.nanoTime();
    try {
      return work.run();
    } finally {
      add(stage, System.nanoTime() - start);
    }
  }

  void add(RunStage stage, long elapsedNanos) {
    nanos.merge(stage, elapsedNanos, Long::sum);
  }

  /** Milliseconds per stage, every stage present, in the order of {@link RunStage}. */
  Map<String, Long> millis() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (RunStage stage : RunStage.values()) {
      out.put(stage.key(), nanos.getOrDefault(stage, 0L) / 1_000_000);
    }
    return out;
  }
}
