package dev.sightline.platform.connectors;

import dev.sightline.connector.CheckResult;
import dev.sightline.connector.Connector;
import dev.sightline.connector.ConnectorConfig;
import dev.sightline.connector.ConnectorContext;
import dev.sightline.connector.ConnectorException;
import dev.sightline.platform.errors.InvalidRequestException;
import java.util.List;
import java.util.UUID;

/**
 * Runs the seed's five Test Connection checks, for a stored connector or for the settings of one
 * not yet created (nothing is stored); a refused target is a failed first check.
 */
public final class ConnectionTester {
  private final ConnectorService connectors;
  private final ConnectorContext context;

  public ConnectionTester(ConnectorService connectors, ConnectorContext context) {
    this.connectors = connectors;
    this.context = context;
  }

  public List<CheckResult> test(UUID connectorId) throws InterruptedException {
    StoredConnector stored = connectors.stored(connectorId);
    return run(stored.type(), () -> connectors.checkTarget(stored), connectors.configOf(stored));
  }

  /** Tests the settings of a create request without storing anything (the wizard's first step). */
  public List<CheckResult> testDraft(NewConnector request) throws InterruptedException {
    ConnectorConfig config = connectors.draftConfig(request);
    return run(
        request.type(), () -> connectors.checkTarget(request.type(), request.auth()), config);
  }

  private List<CheckResult> run(String type, Runnable targetCheck, ConnectorConfig config)
      throws InterruptedException {
    try {
      targetCheck.run();
    } catch (InvalidRequestException e) {
      return List.of(
          CheckResult.failed(CheckResult.Check.NETWORK_REACHABILITY, e.getMessage()),
          CheckResult.skipped(CheckResult.Check.TLS_HANDSHAKE),
          CheckResult.skipped(CheckResult.Check.AUTHENTICATION),
          CheckResult.skipped(CheckResult.Check.AUTHORIZATION_SCOPE),
          CheckResult.skipped(CheckResult.Check.DATA_FETCH));
    }
    try (Connector connector = connectors.factoryFor(type).create(config, context)) {
      return connector.testConnection();
    } catch (ConnectorException e) {
      return List.of(CheckResult.failed(CheckResult.Check.NETWORK_REACHABILITY, e.getMessage()));
    }
  }
}
