package dev.sightline.platform.sync;

import dev.sightline.connector.ConnectorContext;
import java.time.Clock;
import javax.net.ssl.SSLContext;

/** The context the platform lends connectors. */
public record PlatformConnectorContext(Clock clock, SSLContext sslContext)
    implements ConnectorContext {}
