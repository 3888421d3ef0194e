package dev.sightline.platform.connectors;

import dev.sightline.connector.CheckResult;
import dev.sightline.connector.Connector;
import dev.sightline.connector.ConnectorContext;
import dev.sightline.connector.ConnectorException;
import dev.sightline.platform.errors.InvalidRequestException;
import java.util.List;
import java.util.UUID;

/** Runs the seed's five Test Connection checks for a stored connector. */
public final class ConnectionTester {
  private final ConnectorService connectors;
  private final ConnectorContext context;

  public ConnectionTester(ConnectorService connectors, ConnectorContext context) {
    this.connectors = connectors;
    this.context = context;
  }

  public List<CheckResult> test(UUID connectorId) throws InterruptedException {
    StoredConnector stored = connectors.stored(connectorId);
    try {
      connectors.checkTarget(stored);
    } catch (InvalidRequestException e) {
      return List.of(
          CheckResult.failed(CheckResult.Check.NETWORK_REACHABILITY, e.getMessage()),
          CheckResult.skipped(CheckResult.Check.TLS_HANDSHAKE),
          CheckResult.skipped(CheckResult.Check.AUTHENTICATION),
          CheckResult.skipped(CheckResult.Check.AUTHORIZATION_SCOPE),
          CheckResult.skipped(CheckResult.Check.DATA_FETCH));
    }
    try (Connector connector =
        connectors.factoryFor(stored.type()).create(connectors.configOf(stored), context)) {
      return connector.testConnection();
    } catch (ConnectorException e) {
      return List.of(CheckResult.failed(CheckResult.Check.NETWORK_REACHABILITY, e.getMessage()));
    }
  }
}
