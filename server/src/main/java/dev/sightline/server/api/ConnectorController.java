package dev.sightline.server.api;

import dev.sightline.connector.CheckResult;
import dev.sightline.platform.connectors.ConnectionTester;
import dev.sightline.platform.connectors.ConnectorService;
import dev.sightline.platform.connectors.ConnectorView;
import dev.sightline.platform.connectors.NewConnector;
import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.platform.sync.SyncService;
import dev.sightline.server.runs.RunLauncher;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/connectors")
class ConnectorController {
  private final ConnectorService connectors;
  private final RunLauncher launcher;
  private final SyncService sync;
  private final ConnectionTester tester;

  ConnectorController(
      ConnectorService connectors,
      RunLauncher launcher,
      SyncService sync,
      ConnectionTester tester) {
    this.connectors = connectors;
    this.launcher = launcher;
    this.sync = sync;
    this.tester = tester;
  }

  /** The seed's five checks; all must pass before a connector is worth scheduling. */
  @PostMapping("/{id}/test")
  Map<String, Object> test(@PathVariable UUID id) throws InterruptedException {
    List<CheckResult> checks = tester.test(id);
    return Map.of("passed", checks.stream().allMatch(CheckResult::passed), "checks", checks);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  ConnectorView create(@RequestBody CreateConnectorRequest body) {
    if (body == null) {
      throw new InvalidRequestException("body", "send a JSON object with type, name and auth");
    }
    return connectors.register(
        new NewConnector(
            body.type(),
            body.name(),
            body.description(),
            body.auth(),
            body.dataToSync(),
            body.filters()));
  }

  @GetMapping
  List<ConnectorView> list() {
    return connectors.list();
  }

  @GetMapping("/{id}")
  ConnectorView get(@PathVariable UUID id) {
    return connectors.get(id);
  }

  @PostMapping("/{id}/runs")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Map<String, UUID> run(@PathVariable UUID id) {
    return Map.of("runId", launcher.start(id).runId());
  }

  @GetMapping("/{id}/runs")
  List<RunView> runs(@PathVariable UUID id) {
    connectors.get(id);
    return sync.recentRuns(id, 50).stream().map(RunView::of).toList();
  }
}
