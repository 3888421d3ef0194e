package dev.sightline.server.doctor;

import dev.sightline.connector.CheckResult;
import dev.sightline.platform.connectors.StoredConnector;
import java.util.ArrayList;
import java.util.List;

/** Each stored connector's Test Connection, as the console's button runs it: one line each. */
final class ConnectorChecks implements DoctorCheck {
  private final StoredConnectors connectors;

  ConnectorChecks(StoredConnectors connectors) {
    this.connectors = connectors;
  }

  @Override
  public List<CheckLine> run() throws InterruptedException {
    StoredConnectors.Loaded loaded = connectors.load();
    if (loaded.problem().isPresent()) {
      return List.of(loaded.problem().get());
    }
    if (loaded.connectors().isEmpty()) {
      return List.of(CheckLine.ok("connectors", "none stored yet"));
    }
    List<CheckLine> lines = new ArrayList<>();
    for (StoredConnector c : loaded.connectors()) {
      String name = "connector " + c.name() + " (" + c.type() + ")";
      List<CheckResult> results;
      try {
        results = loaded.tester().orElseThrow().test(c.id());
      } catch (RuntimeException e) {
        lines.add(
            CheckLine.failed(
                name,
                "its test could not run: " + DatabaseCheck.firstLine(e.getMessage()),
                "open it in the console and run Test Connection there"));
        continue;
      }
      lines.add(
          results.stream()
              .filter(r -> r.status() == CheckResult.Status.FAILED)
              .findFirst()
              .map(
                  r ->
                      CheckLine.failed(
                          name,
                          r.check() + " failed: " + r.message(),
                          r.fix().isEmpty() ? "run Test Connection in the console" : r.fix()))
              .orElseGet(() -> CheckLine.ok(name, results.size() + " connection checks passed")));
    }
    return lines;
  }
}
