package dev.sightline.platform.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.connector.CallObserver;
import dev.sightline.connector.Connector;
import dev.sightline.connector.ConnectorConfig;
import dev.sightline.connector.ConnectorContext;
import dev.sightline.connector.ConnectorDescriptor;
import dev.sightline.connector.ConnectorFactory;
import dev.sightline.connector.PermanentException;
import dev.sightline.connector.http.NoProxy;
import dev.sightline.connector.http.OutboundProxy;
import dev.sightline.connector.http.ProxyEndpoint;
import dev.sightline.platform.net.TargetPolicy;
import dev.sightline.platform.sync.PlatformConnectorContext;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A connector goes through the operator's proxy, or around it when its settings say so. */
class ProxyChoosingFactoryTest {
  private static final OutboundProxy PROXY =
      new OutboundProxy(
          Optional.of(ProxyEndpoint.parse("http://u:p@proxy.corp:3128", "HTTPS_PROXY")),
          Optional.empty(),
          NoProxy.NONE);
  private final PlatformConnectorContext lent =
      new PlatformConnectorContext(
          Clock.systemUTC(),
          null,
          CallObserver.NONE,
          Optional.of(TargetPolicy.fromList("")),
          PROXY);
  private final AtomicReference<ConnectorContext> given = new AtomicReference<>();

  /** A connector type that only remembers the context it was lent. */
  private final ConnectorFactory type =
      new ConnectorFactory() {
        @Override
        public ConnectorDescriptor descriptor() {
          throw new UnsupportedOperationException();
        }

        @Override
        public Connector create(ConnectorConfig config, ConnectorContext context) {
          given.set(context);
          return null;
        }
      };

  @Test
  void aConnectorSavedWithTheProxyIsLentTheContextAsItIs() {
    new ProxyChoosingFactory(type).create(new ConnectorConfig(Map.of()), lent);
    assertThat(given.get()).isSameAs(lent);
    assertThat(given.get().proxy().isSet()).isTrue();
  }

  @Test
  void aConnectorSavedWithoutTheProxyGoesDirectAndStillMeetsTheTargetPolicy() {
    new ProxyChoosingFactory(type).create(new ConnectorConfig(Map.of(), false), lent);
    assertThat(given.get().proxy().isSet()).isFalse();
    assertThat(given.get().proxy().routeFor(URI.create("https://api.crowdstrike.com/"))).isEmpty();
    assertThatThrownBy(() -> given.get().checkOutbound(URI.create("https://127.0.0.1:9/")))
        .isInstanceOf(PermanentException.class);
  }
}
