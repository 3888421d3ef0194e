package dev.sightline.connector.testkit;

import dev.sightline.connector.ConnectorContext;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/**
 * A {@link ConnectorContext} for unit tests in which waiting takes no time: {@link #sleep} records
 * the requested duration and moves the {@link MutableClock} forward by it. Lets a test check
 * backoff and rate-limit waits exactly, without slowing the build.
 */
public final class VirtualTimeContext implements ConnectorContext {
  private final MutableClock clock;
  private final SSLContext sslContext;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  public VirtualTimeContext(MutableClock clock, SSLContext sslContext) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
  }

  /** Starts at {@code start} and trusts the JVM's default CAs. */
  public static VirtualTimeContext startingAt(Instant start) {
    try {
      return new VirtualTimeContext(new MutableClock(start), SSLContext.getDefault());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no default SSLContext", e);
    }
  }

  @Override
  public Clock clock() {
    return clock;
  }

  public MutableClock mutableClock() {
    return clock;
  }

  @Override
  public SSLContext sslContext() {
    return sslContext;
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("interrupted before a virtual sleep");
    }
    sleeps.add(duration);
    clock.advance(duration);
  }

  /** Every wait requested so far, in order. */
  public List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }
}
