package dev.sightline.platform.sync;

import dev.sightline.connector.CallObserver;
import dev.sightline.connector.ConnectorContext;
import java.time.Clock;
import javax.net.ssl.SSLContext;

/**
 * The context the platform lends connectors. {@code calls} counts vendor calls and retries (the
 * server passes its metrics); the platform itself only hands it on.
 */
public record PlatformConnectorContext(Clock clock, SSLContext sslContext, CallObserver calls)
    implements ConnectorContext {

  /** A context whose vendor calls nobody counts: the CLI's one-off commands, benchmarks, tests. */
  public PlatformConnectorContext(Clock clock, SSLContext sslContext) {
    this(clock, sslContext, CallObserver.NONE);
  }
}
