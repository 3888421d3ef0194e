package dev.sightline.server.observability;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A read that a scrape waits for at most a deadline: it runs on its own thread, and when it fails
 * or is late the caller gets the last value read instead, marked stale. A database that is briefly
 * down (or a pool whose connections are all busy) thus never fails nor stalls a scrape. A late read
 * is not started again while it still runs; the next call collects its result. Logs once when reads
 * start failing and once when they work again. Thread-safe.
 */
final class BoundedRead<T> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BoundedRead.class);

  /** The value to show, and whether it was read by this call. */
  record Result<T>(Optional<T> value, boolean fresh) {}

  private final String what;
  private final Supplier<T> read;
  private final Duration deadline;
  private final ExecutorService reader;
  private Future<T> inFlight;
  private T last;
  private boolean failing;

  BoundedRead(String what, Supplier<T> read, Duration deadline) {
    this.what = what;
    this.read = read;
    this.deadline = deadline;
    this.reader =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "metrics-read");
              t.setDaemon(true);
              return t;
            });
  }

  synchronized Result<T> get() {
    if (inFlight == null) {
      inFlight = reader.submit(read::get);
    }
    try {
      T value = inFlight.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
      inFlight = null;
      last = value;
      if (failing) {
        failing = false;
        LOG.info("Reading {} works again", what);
      }
      return new Result<>(Optional.of(value), true);
    } catch (TimeoutException e) {
      failed("it took longer than " + deadline.toMillis() + " ms");
    } catch (ExecutionException e) {
      inFlight = null;
      failed(e.getCause().getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new Result<>(Optional.ofNullable(last), false);
  }

  private void failed(String why) {
    if (!failing) {
      failing = true;
      LOG.warn(
          "Reading {} failed ({}); metrics show the last figures read until it works", what, why);
    }
  }

  @Override
  public void close() {
    reader.shutdownNow();
  }
}
