package dev.sightline.platform.sync;

import dev.sightline.connector.CallObserver;
import dev.sightline.connector.ConnectorContext;
import dev.sightline.connector.PermanentException;
import dev.sightline.connector.http.OutboundProxy;
import dev.sightline.platform.net.TargetPolicy;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The context the platform lends connectors. {@code calls} counts vendor calls and retries (the
 * server passes its metrics); the platform itself only hands it on. {@code targets}, when given, is
 * checked again on every vendor call, so a host that has come to resolve to a private address since
 * it was saved is refused at connect time: the vendor host is checked, never the {@code proxy},
 * which the operator set and which may well be a private address.
 */
public record PlatformConnectorContext(
    Clock clock,
    SSLContext sslContext,
    CallObserver calls,
    Optional<TargetPolicy> targets,
    OutboundProxy proxy)
    implements ConnectorContext {

  /** A context whose vendor calls go direct (no outbound proxy set). */
  public PlatformConnectorContext(
      Clock clock, SSLContext sslContext, CallObserver calls, Optional<TargetPolicy> targets) {
    this(clock, sslContext, calls, targets, OutboundProxy.NONE);
  }

  /** A context whose vendor calls nobody counts: the CLI's one-off commands, benchmarks, tests. */
  public PlatformConnectorContext(Clock clock, SSLContext sslContext) {
    this(clock, sslContext, CallObserver.NONE, Optional.empty());
  }

  public PlatformConnectorContext(Clock clock, SSLContext sslContext, CallObserver calls) {
    this(clock, sslContext, calls, Optional.empty());
  }

  /** The same context, every vendor call direct: the target policy still checks each call. */
  @Override
  public ConnectorContext withoutProxy() {
    return new PlatformConnectorContext(clock, sslContext, calls, targets, OutboundProxy.NONE);
  }

  @Override
  public void checkOutbound(URI target) {
    if (targets.isEmpty()) {
      return;
    }
    try {
      targets.get().check(target);
    } catch (TargetPolicy.TargetRefusedException e) {
      throw new PermanentException(
          "The call to "
              + target.getHost()
              + " was refused at connect time: "
              + e.getMessage()
              + " (its address is no longer the one checked when the connector was saved, as DNS"
              + " rebinding does)",
          "if that address is intended, list the host in SIGHTLINE_ALLOWED_TARGETS; otherwise"
              + " check the DNS of the vendor host before running the connector again");
    }
  }
}
