package dev.sightline.platform.connectors;

import dev.sightline.connector.CheckResult;
import dev.sightline.connector.CheckResult.Check;
import dev.sightline.connector.Connector;
import dev.sightline.connector.ConnectorConfig;
import dev.sightline.connector.ConnectorContext;
import dev.sightline.connector.ConnectorException;
import dev.sightline.platform.errors.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs the seed's five Test Connection checks, for a stored connector or for the settings of one
 * not yet created (nothing is stored); a refused target is a failed first check. Every failed check
 * says what to do; the checks after it are skipped.
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

  /** Tests settings already validated, such as a stored connector's with an edit applied. */
  List<CheckResult> testSettings(String type, Map<String, String> auth)
      throws InterruptedException {
    return testSettings(type, auth, true);
  }

  /** The same, through the proxy or around it as {@code useProxy} says. */
  List<CheckResult> testSettings(String type, Map<String, String> auth, boolean useProxy)
      throws InterruptedException {
    return run(type, () -> connectors.checkTarget(type, auth), new ConnectorConfig(auth, useProxy));
  }

  private List<CheckResult> run(String type, Runnable targetCheck, ConnectorConfig config)
      throws InterruptedException {
    try {
      targetCheck.run();
    } catch (InvalidRequestException e) {
      return firstFailed(
          CheckResult.failed(
              Check.NETWORK_REACHABILITY,
              e.getMessage(),
              "use the vendor's public https:// API address; a host on a private network must be"
                  + " listed in SIGHTLINE_ALLOWED_TARGETS on this server"));
    }
    try (Connector connector = connectors.factoryFor(type).create(config, context)) {
      return connector.testConnection();
    } catch (ConnectorException e) {
      // The settings did not even make a connector (an address it cannot use, say).
      return firstFailed(CheckResult.failed(Check.NETWORK_REACHABILITY, e));
    }
  }

  private static List<CheckResult> firstFailed(CheckResult failed) {
    List<CheckResult> results = new ArrayList<>();
    results.add(failed);
    for (Check check : Check.values()) {
      if (check != failed.check()) {
        results.add(CheckResult.skipped(check));
      }
    }
    return results;
  }
}
