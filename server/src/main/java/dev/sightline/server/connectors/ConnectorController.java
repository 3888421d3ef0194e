package dev.sightline.server.connectors;

import dev.sightline.platform.connectors.ConnectionTester;
import dev.sightline.platform.connectors.ConnectorScope;
import dev.sightline.platform.connectors.ConnectorService;
import dev.sightline.platform.connectors.ConnectorView;
import dev.sightline.platform.connectors.NewConnector;
import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.platform.scheduling.ClusterScheduler;
import dev.sightline.platform.sync.SyncService;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Registering connectors, showing them (secrets masked) and testing their connection. */
@RestController
@RequestMapping("/api/v1/connectors")
class ConnectorController {
  private final ConnectorService connectors;
  private final ConnectionTester tester;
  private final ClusterScheduler scheduler;

  private final SyncService sync;

  ConnectorController(
      ConnectorService connectors,
      ConnectionTester tester,
      ClusterScheduler scheduler,
      SyncService sync) {
    this.sync = sync;
    this.connectors = connectors;
    this.tester = tester;
    this.scheduler = scheduler;
  }

  /** The seed's five checks; all must pass before a connector is worth scheduling. */
  @PostMapping("/{id}/test")
  ConnectionTestResponse test(@PathVariable UUID id) throws InterruptedException {
    return ConnectionTestResponse.from(tester.test(id));
  }

  /** The five checks on a create request's settings, before anything is stored. */
  @PostMapping("/test")
  ConnectionTestResponse testDraft(@RequestBody CreateConnectorRequest body)
      throws InterruptedException {
    return ConnectionTestResponse.from(tester.testDraft(newConnector(body)));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  ConnectorResponse create(@RequestBody CreateConnectorRequest body) {
    ConnectorView created = connectors.register(newConnector(body));
    scheduler.apply(created.id());
    return ConnectorResponse.from(created);
  }

  private static NewConnector newConnector(CreateConnectorRequest body) {
    if (body == null) {
      throw new InvalidRequestException("body", "send a JSON object with type, name and auth");
    }
    return new NewConnector(
        body.type(),
        body.name(),
        body.description(),
        body.auth(),
        body.dataToSync(),
        body.filters(),
        body.schedule() == null ? null : body.schedule().input(),
        new ConnectorScope.Request(
            body.fetchFrom(), body.sampling(), body.staleAfterDays(), body.purgeStaleAfterDays()));
  }

  @GetMapping
  List<ConnectorResponse> list() {
    return connectors.list().stream().map(this::withLastRun).toList();
  }

  @GetMapping("/{id}")
  ConnectorResponse get(@PathVariable UUID id) {
    return withLastRun(connectors.get(id));
  }

  private ConnectorResponse withLastRun(ConnectorView c) {
    return ConnectorResponse.from(c, sync.recentRuns(c.id(), 1).stream().findFirst());
  }

  /** The connector's states, newest first, with the run that moved it and why. */
  @GetMapping("/{id}/states")
  List<StateChangeResponse> states(@PathVariable UUID id) {
    return connectors.history(id, 200).stream().map(StateChangeResponse::from).toList();
  }
}
