package dev.sightline.connector.testkit;

import dev.sightline.connector.ConnectorContext;
import java.time.Clock;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * A {@link ConnectorContext} for tests: trusts what the given SSL context trusts (typically a
 * simulator's CA) and tells time with the given clock, which may be a {@link MutableClock}. Waits
 * go through the default {@link ConnectorContext#sleep}, so they honour interruption.
 */
public record TrustingContext(SSLContext sslContext, Clock clock) implements ConnectorContext {

  public TrustingContext {
    Objects.requireNonNull(sslContext, "sslContext");
    Objects.requireNonNull(clock, "clock");
  }

  /** Trusts {@code sslContext} and runs on the system clock. */
  public static TrustingContext of(SSLContext sslContext) {
    return new TrustingContext(sslContext, Clock.systemUTC());
  }
}
