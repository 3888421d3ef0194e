package dev.sightline.platform.connectors;

import dev.sightline.connector.Connector;
import dev.sightline.connector.ConnectorConfig;
import dev.sightline.connector.ConnectorContext;
import dev.sightline.connector.ConnectorDescriptor;
import dev.sightline.connector.ConnectorFactory;

/**
 * A connector type's factory whose connectors go through the outbound proxy or around it as their
 * configuration says ({@link ConnectorConfig#useProxy}), in one place for every caller (runs,
 * connection tests, the demo). Stateless.
 */
final class ProxyChoosingFactory implements ConnectorFactory {
  private final ConnectorFactory type;

  ProxyChoosingFactory(ConnectorFactory type) {
    this.type = type;
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return type.descriptor();
  }

  @Override
  public Connector create(ConnectorConfig config, ConnectorContext context) {
    return type.create(config, config.useProxy() ? context : context.withoutProxy());
  }
}
