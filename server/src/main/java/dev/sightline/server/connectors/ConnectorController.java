package dev.sightline.server.connectors;

import dev.sightline.platform.audit.AuditEntry.Outcome;
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
import dev.sightline.server.audit.AuditAction;
import dev.sightline.server.audit.AuditTrail;
import dev.sightline.server.scoring.BackgroundRescoring;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * deleted keeping or purging what they stored. Quartz follows each change, and the audit trail
 * records it (tests too), with the connector as shown before and after: secrets masked.
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
  private final AuditTrail audit;

  ConnectorController(
      ConnectorService connectors,
      ConnectionTester tester,
      ConnectorRegistration registration,
      ConnectorEditor editor,
      ConnectorRemoval removal,
      ClusterScheduler scheduler,
      SyncService sync,
      BackgroundRescoring rescoring,
      AuditTrail audit) {
    this.connectors = connectors;
    this.tester = tester;
    this.registration = registration;
    this.editor = editor;
    this.removal = removal;
    this.scheduler = scheduler;
    this.sync = sync;
    this.rescoring = rescoring;
    this.audit = audit;
  }

  /** The seed's five checks; all must pass before a connector is worth scheduling. */
  @PostMapping("/{id}/test")
  ConnectionTestResponse test(@PathVariable UUID id) throws InterruptedException {
    return audit.change(
        AuditAction.CONNECTOR_TEST,
        id.toString(),
        null,
        "test of the saved connector",
        () -> ConnectionTestResponse.from(tester.test(id)),
        result -> result,
        ConnectorController::outcome);
  }

  /** A test that ran is recorded as it went: FAILED when a check failed. */
  private static Outcome outcome(ConnectionTestResponse test) {
    return test.passed() ? Outcome.SUCCEEDED : Outcome.FAILED;
  }

  /**
   * The five checks on a create request's settings, before anything is stored; a passing answer
   * carries the {@code connectionTestId} a create of the same settings may send.
   */
  @PostMapping("/test")
  ConnectionTestResponse testDraft(@RequestBody CreateConnectorRequest body)
      throws InterruptedException {
    // The draft's settings (its secrets among them) are never recorded: only what the test found.
    return audit.change(
        AuditAction.CONNECTOR_TEST,
        body == null ? null : body.name(),
        null,
        "test of settings not stored yet",
        () -> {
          DraftTest test = registration.testDraft(newConnector(body));
          return new ConnectionTestResponse(
              test.passed(),
              ConnectionTestResponse.checks(test.checks()),
              test.connectionTestId().orElse(null));
        },
        result -> result,
        ConnectorController::outcome);
  }

  /**
   * Created only once the five checks pass (run now, or a recent test's id), then scheduled; a
   * draft is saved untested and not scheduled.
   */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  ConnectorResponse create(@RequestBody CreateConnectorRequest body) throws InterruptedException {
    return audit.change(
        AuditAction.CONNECTOR_CREATE,
        body == null ? null : body.name(),
        null,
        null,
        () -> {
          NewConnector request = newConnector(body);
          ConnectorView created =
              registration.create(
                  request,
                  new Admission(
                      Boolean.TRUE.equals(body.draft()),
                      Optional.ofNullable(body.connectionTestId())));
          if (!created.draft()) {
            scheduler.apply(created.id());
          }
          return ConnectorResponse.from(created);
        },
        created -> created);
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
            body.fetchFrom(), body.sampling(), body.staleAfterDays(), body.purgeStaleAfterDays()),
        !Boolean.FALSE.equals(body.useProxy()));
  }

  /** Any setting; new connection settings are stored only once they pass the test. */
  @PatchMapping("/{id}")
  ConnectorResponse edit(@PathVariable UUID id, @RequestBody EditConnectorRequest body)
      throws InterruptedException {
    ConnectorView before = connectors.get(id);
    return audit.change(
        AuditAction.CONNECTOR_EDIT,
        id.toString(),
        ConnectorResponse.from(before),
        secretsChanged(before, body),
        () -> applyEdit(id, body),
        edited -> edited);
  }

  /**
   * A rotation made visible: which secret fields the edit sends a new value for, by name only (the
   * values are never recorded). Null when it sends none.
   */
  private String secretsChanged(ConnectorView before, EditConnectorRequest body) {
    if (body == null || body.auth() == null) {
      return null;
    }
    var spec = connectors.factoryFor(before.type()).descriptor().config();
    List<String> changed = new ArrayList<>();
    for (Map.Entry<String, String> field : body.auth().entrySet()) {
      String value = field.getValue();
      if (spec.isSecret(field.getKey())
          && value != null
          && !value.isBlank()
          && !value.equals(ConnectorView.MASK)) {
        changed.add(field.getKey());
      }
    }
    return changed.isEmpty()
        ? null
        : "new secret value for " + String.join(", ", changed) + " (values never recorded)";
  }

  private ConnectorResponse applyEdit(UUID id, EditConnectorRequest body)
      throws InterruptedException {
    if (body == null) {
      throw new InvalidRequestException("body", "send a JSON object with the fields to change");
    }
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
                    body.purgeStaleAfterDays()),
                body.useProxy()));
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
    return audit.change(
        AuditAction.CONNECTOR_DELETE,
        id.toString(),
        ConnectorResponse.from(connectors.get(id)),
        "data=" + data,
        () -> remove(id, data),
        deleted -> deleted);
  }

  private DeletionResponse remove(UUID id, String data) {
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
