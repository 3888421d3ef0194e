package dev.sightline.connector;

import java.time.Clock;
import javax.net.ssl.SSLContext;

/**
 * What the platform lends a connector: the clock, the TLS trust to use for vendor calls, a way to
 * wait that honours interruption, and who counts vendor calls. Implementations are thread-safe.
 */
public interface ConnectorContext {

  Clock clock();

  /** Trusts the JVM's CAs plus any extra CA the operator configured. */
  SSLContext sslContext();

  /** Waits, returning early with InterruptedException when the run is cancelled. */
  default void sleep(java.time.Duration duration) throws InterruptedException {
    if (!duration.isNegative() && !duration.isZero()) {
      Thread.sleep(duration.toMillis());
    }
  }

  /**
   * Called with the target of every vendor call just before it is sent: refuses, with a {@link
   * PermanentException} saying why and what to do, a target the operator's outbound policy forbids
   * now (a host name that has come to resolve to a private or loopback address since the connector
   * was saved, as DNS rebinding does). Allows everything by default.
   */
  default void checkOutbound(java.net.URI target) {}

  /**
   * The operator's outbound proxy for this connection's vendor calls ({@link
   * dev.sightline.connector.http.VendorHttp} and Test Connection use it); none by default, and none
   * for a connector saved with "useProxy": false.
   */
  default dev.sightline.connector.http.OutboundProxy proxy() {
    return dev.sightline.connector.http.OutboundProxy.NONE;
  }

  /**
   * This context with every vendor call direct: for a connector saved with "useProxy": false (a
   * vendor this server reaches without the proxy). Everything else is this context's.
   */
  default ConnectorContext withoutProxy() {
    ConnectorContext self = this;
    return new ConnectorContext() {
      @Override
      public Clock clock() {
        return self.clock();
      }

      @Override
      public SSLContext sslContext() {
        return self.sslContext();
      }

      @Override
      public void sleep(java.time.Duration duration) throws InterruptedException {
        self.sleep(duration);
      }

      @Override
      public void checkOutbound(java.net.URI target) {
        self.checkOutbound(target);
      }

      @Override
      public CallObserver calls() {
        return self.calls();
      }
    };
  }

  /** Told of each vendor call and retry by the SPI's retry loop; counts nothing by default. */
  default CallObserver calls() {
    return CallObserver.NONE;
  }
}
