package dev.sightline.platform.sync;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adds up where one run's time goes. The run's thread and its page reader add to it at the same
 * time (reading overlaps writing), so the stages of a run can add up to more than its duration.
 */
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

  synchronized void add(RunStage stage, long elapsedNanos) {
    nanos.merge(stage, elapsedNanos, Long::sum);
  }

  /** Milliseconds per stage, every stage present, in the order of {@link RunStage}. */
  synchronized Map<String, Long> millis() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (RunStage stage : RunStage.values()) {
      out.put(stage.key(), nanos.getOrDefault(stage, 0L) / 1_000_000);
    }
    return out;
  }
}
