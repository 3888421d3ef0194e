package dev.sightline.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Measures one phase of the benchmark: its wall time, the most heap in use (sampled every 20 ms and
 * read from every collection's "before" figures, so a peak between two samples is not missed), the
 * most heap still live after a collection, and this process's peak resident set size. The RSS peak
 * comes from {@code VmHWM}, reset at the start of the phase through {@code /proc/self/clear_refs}
 * where the kernel allows it; elsewhere it is the highest {@code VmRSS} sampled. PostgreSQL runs in
 * its own processes and is not counted. One phase at a time.
 */
final class PhaseMeter implements AutoCloseable {
  private static final Path STATUS = Path.of("/proc/self/status");
  private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

  /** A task measured as one phase. */
  interface Task<T> {
    T run() throws Exception;
  }

  /** What {@link #measure} returns: the task's result and the phase's figures. */
  record Measured<T>(T value, PhaseFigures figures) {}

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final AtomicLong peakHeap = new AtomicLong();
  private final AtomicLong peakLive = new AtomicLong();
  private final AtomicLong peakRssKb = new AtomicLong();
  private final List<Runnable> unsubscribe = new ArrayList<>();
  private final Thread sampler;
  private volatile boolean closed;

  PhaseMeter() {
    NotificationListener listener = this::onCollection;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
        unsubscribe.add(
            () -> {
              try {
                emitter.removeNotificationListener(listener);
              } catch (javax.management.ListenerNotFoundException ignored) {
                // already gone
              }
            });
      }
    }
    sampler = new Thread(this::sample, "bench-phase-meter");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** Runs {@code task} as one phase; {@code records} turns its result into a record count. */
  <T> Measured<T> measure(Task<T> task, java.util.function.ToLongFunction<T> records)
      throws Exception {
    System.gc(); // each phase starts from the live heap, not the previous phase's garbage
    boolean hwmReset = resetHighWaterMark();
    peakHeap.set(memory.getHeapMemoryUsage().getUsed());
    peakLive.set(0);
    peakRssKb.set(statusKb("VmRSS:"));
    long start = System.nanoTime();
    T value = task.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
    long rssKb = Math.max(peakRssKb.get(), statusKb("VmRSS:"));
    if (hwmReset) {
      rssKb = Math.max(rssKb, statusKb("VmHWM:"));
    }
    return new Measured<>(
        value,
        new PhaseFigures(
            seconds,
            records.applyAsLong(value),
            mib(peakHeap.get()),
            mib(peakLive.get()),
            rssKb >> 10));
  }

  private void sample() {
    while (!closed) {
      peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
      peakRssKb.accumulateAndGet(statusKb("VmRSS:"), Math::max);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void onCollection(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
        notification.getType())) {
      return;
    }
    var info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
            .getGcInfo();
    peakHeap.accumulateAndGet(heapOf(info.getMemoryUsageBeforeGc()), Math::max);
    peakLive.accumulateAndGet(heapOf(info.getMemoryUsageAfterGc()), Math::max);
  }

  /** The heap pools' total (the code cache and metaspace are not heap). */
  private static long heapOf(java.util.Map<String, MemoryUsage> pools) {
    long used = 0;
    for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == java.lang.management.MemoryType.HEAP
          && pools.containsKey(pool.getName())) {
        used += pools.get(pool.getName()).getUsed();
      }
    }
    return used;
  }

  /** Sets VmHWM back to the current RSS; false where the kernel does not let us. */
  private static boolean resetHighWaterMark() {
    try {
      Files.writeString(CLEAR_REFS, "5");
      return true;
    } catch (IOException | SecurityException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** A {@code kB} field of /proc/self/status, 0 where there is none (not Linux). */
  static long statusKb(String field) {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }

  private static long mib(long bytes) {
    return bytes >> 20;
  }

  @Override
  public void close() {
    closed = true;
    sampler.interrupt();
    unsubscribe.forEach(Runnable::run);
  }
}
