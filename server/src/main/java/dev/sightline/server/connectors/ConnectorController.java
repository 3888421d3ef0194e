package dev.sightline.server.connectors;

import dev.sightline.platform.connectors.ConnectionTester;
import dev.sightline.platform.connectors.ConnectorEdit;
import dev.sightline.platform.connectors.ConnectorEditor;
import dev.sightline.platform.connectors.ConnectorRegistration;
import dev.sightline.platform.connectors.ConnectorRegistration.Admission;
import dev.sightline.platform.connectors.ConnectorRegistration.DraftTest;
import dev.sightline.platform.connectors.ConnectorScope;
import dev.sightline.platform.connectors.ConnectorService;
import dev.sightline.platform.connectors.ConnectorView;
import dev.sightline.platform.connectors.NewConnector;
import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.platform.removal.ConnectorRemoval;
import dev.sightline.platform.scheduling.ClusterScheduler;
import dev.sightline.platform.sync.SyncService;
import dev.sightline.server.scoring.BackgroundRescoring;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Connectors through their life: tested, registered (only once their test passes, or as drafts),
 * shown with secrets masked, edited (changed connection settings stored only once they pass), and
 * deleted keeping or purging what they stored. Quartz follows each change.
 */
@RestController
@RequestMapping("/api/v1/connectors")
class ConnectorController {
  private final ConnectorService connectors;
  private final ConnectionTester tester;
  private final ConnectorRegistration registration;
  private final ConnectorEditor editor;
  private final ConnectorRemoval removal;
  private final ClusterScheduler scheduler;
  private final SyncService sync;
  private final BackgroundRescoring rescoring;

  ConnectorController(
      ConnectorService connectors,
      ConnectionTester tester,
      ConnectorRegistration registration,
      ConnectorEditor editor,
      ConnectorRemoval removal,
      ClusterScheduler scheduler,
      SyncService sync,
      BackgroundRescoring rescoring) {
    this.connectors = connectors;
    this.tester = tester;
    this.registration = registration;
    this.editor = editor;
    this.removal = removal;
    this.scheduler = scheduler;
    this.sync = sync;
    this.rescoring = rescoring;
  }

  /** The seed's five checks; all must pass before a connector is worth scheduling. */
  @PostMapping("/{id}/test")
  ConnectionTestResponse test(@PathVariable UUID id) throws InterruptedException {
    return ConnectionTestResponse.from(tester.test(id));
  }

  /**
   * The five checks on a create request's settings, before anything is stored; a passing answer
   * carries the {@code connectionTestId} a create of the same settings may send.
   */
  @PostMapping("/test")
  ConnectionTestResponse testDraft(@RequestBody CreateConnectorRequest body)
      throws InterruptedException {
    DraftTest test = registration.testDraft(newConnector(body));
    return new ConnectionTestResponse(
        test.passed(),
        ConnectionTestResponse.checks(test.checks()),
        test.connectionTestId().orElse(null));
  }

  /**
   * Created only once the five checks pass (run now, or a recent test's id), then scheduled; a
   * draft is saved untested and not scheduled.
   */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  ConnectorResponse create(@RequestBody CreateConnectorRequest body) throws InterruptedException {
    NewConnector request = newConnector(body);
    ConnectorView created =
        registration.create(
            request,
            new Admission(
                Boolean.TRUE.equals(body.draft()), Optional.ofNullable(body.connectionTestId())));
    if (!created.draft()) {
      scheduler.apply(created.id());
    }
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

  /** Any setting; new connection settings are stored only once they pass the test. */
  @PatchMapping("/{id}")
  ConnectorResponse edit(@PathVariable UUID id, @RequestBody EditConnectorRequest body)
      throws InterruptedException {
    ConnectorView edited =
        editor.edit(
            id,
            new ConnectorEdit(
                body.name(),
                body.description(),
                body.auth(),
                body.dataToSync(),
                body.filters(),
                Optional.ofNullable(body.draft()),
                Optional.ofNullable(body.connectionTestId()),
                Boolean.TRUE.equals(body.confirmTenantChange()),
                body.schedule() == null ? null : body.schedule().input(),
                new ConnectorScope.Request(
                    body.fetchFrom(),
                    body.sampling(),
                    body.staleAfterDays(),
                    body.purgeStaleAfterDays())));
    if (edited.draft()) {
      scheduler.remove(id); // a draft is never scheduled
    } else {
      scheduler.apply(id);
    }
    return ConnectorResponse.from(edited);
  }

  /**
   * Deletes a connector; {@code data} is required, so records are never purged, nor kept, by
   * accident: {@code keep} leaves them as history, {@code purge} removes them and re-derives the
   * merged inventory.
   */
  @DeleteMapping("/{id}")
  DeletionResponse delete(@PathVariable UUID id, @RequestParam(required = false) String data) {
    ConnectorRemoval.Outcome outcome = removal.delete(id, disposition(data));
    scheduler.remove(id);
    if (!outcome.assetsRederived().isEmpty()) {
      rescoring.request();
    }
    return new DeletionResponse(
        id,
        outcome.data().name().toLowerCase(Locale.ROOT),
        outcome.assetsRederived().size(),
        outcome.assetsRemoved());
  }

  private static ConnectorRemoval.Data disposition(String data) {
    String value = data == null ? "" : data.trim().toUpperCase(Locale.ROOT);
    for (ConnectorRemoval.Data d : ConnectorRemoval.Data.values()) {
      if (d.name().equals(value)) {
        return d;
      }
    }
    throw new InvalidRequestException(
        "data",
        "say what becomes of the connector's records: data=keep leaves its assets and findings as"
            + " history, data=purge removes them and recomputes the merged inventory");
  }

  /** What a delete did. */
  record DeletionResponse(UUID id, String data, long assetsRederived, long assetsRemoved) {}

  @GetMapping
  List<ConnectorResponse> list() {
    return connectors.list().stream().map(this::withLastRun).toList();
  }

  @GetMapping("/{id}")
  ConnectorResponse get(@PathVariable UUID id) {
    return withLastRun(connectors.get(id));
  }

  private ConnectorResponse withLastRun(ConnectorView c) {
    return ConnectorResponse.from(c, sync.latestRun(c.id()));
  }

  /** The connector's states, newest first, with the run that moved it and why. */
  @GetMapping("/{id}/states")
  List<StateChangeResponse> states(@PathVariable UUID id) {
    return connectors.history(id, 200).stream().map(StateChangeResponse::from).toList();
  }
}
