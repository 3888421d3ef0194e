package dev.sightline.server.connectors;

import dev.sightline.platform.connectors.ConnectionTester;
import dev.sightline.platform.connectors.ConnectorScope;
import dev.sightline.platform.connectors.ConnectorService;
import dev.sightline.platform.connectors.NewConnector;
import dev.sightline.platform.errors.InvalidRequestException;
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

  ConnectorController(ConnectorService connectors, ConnectionTester tester) {
    this.connectors = connectors;
    this.tester = tester;
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
    return ConnectorResponse.from(connectors.register(newConnector(body)));
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
        new ConnectorScope.Request(
            body.fetchFrom(), body.sampling(), body.staleAfterDays(), body.purgeStaleAfterDays()));
  }

  @GetMapping
  List<ConnectorResponse> list() {
    return connectors.list().stream().map(ConnectorResponse::from).toList();
  }

  @GetMapping("/{id}")
  ConnectorResponse get(@PathVariable UUID id) {
    return ConnectorResponse.from(connectors.get(id));
  }
}
