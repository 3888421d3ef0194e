package dev.sightline.server.console.connectors;

import dev.sightline.platform.connectors.ConnectorService;
import dev.sightline.platform.connectors.ConnectorView;
import dev.sightline.platform.errors.NotFoundException;
import dev.sightline.platform.sync.SyncService;
import dev.sightline.server.access.SignedIn;
import dev.sightline.server.connectors.ConnectorResponse;
import dev.sightline.server.connectors.StateChangeResponse;
import dev.sightline.server.console.Permissions;
import dev.sightline.server.runs.RunResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The connectors list and a connector's page, read through the services the REST API reads
 * (ConnectorService, SyncService) and shown as its answers (ConnectorResponse, RunResponse,
 * StateChangeResponse). Changes are the browser's calls to the API. The live parts ({@code
 * /connectors/rows}, {@code /connectors/{id}/live}) are polled by htmx while a run is going.
 */
@Controller
class ConnectorPages {
  private static final int RECENT_RUNS = 20;
  private static final int STATES_SHOWN = 50;

  private final ConnectorService connectors;
  private final SyncService sync;
  private final Clock clock;

  ConnectorPages(ConnectorService connectors, SyncService sync, Clock clock) {
    this.connectors = connectors;
    this.sync = sync;
    this.clock = clock;
  }

  @GetMapping("/connectors")
  String list(@AuthenticationPrincipal SignedIn who, Model model) {
    rows(who, model);
    return "connectors/list";
  }

  /** The list's live part: states, progress and last runs, polled while a run is going. */
  @GetMapping("/connectors/rows")
  String rows(@AuthenticationPrincipal SignedIn who, Model model) {
    Instant now = clock.instant();
    List<ConnectorRow> rows = connectors.list().stream().map(c -> row(c, who, now)).toList();
    model.addAttribute("rows", rows);
    model.addAttribute("busy", rows.stream().anyMatch(ConnectorRow::busy));
    return "connectors/list :: live";
  }

  @GetMapping("/connectors/{id}")
  String connector(@PathVariable UUID id, @AuthenticationPrincipal SignedIn who, Model model) {
    live(id, who, model);
    return "connectors/connector";
  }

  /** A connector's live part: its state, its latest run's progress, its history and runs. */
  @GetMapping("/connectors/{id}/live")
  String live(@PathVariable UUID id, @AuthenticationPrincipal SignedIn who, Model model) {
    Instant now = clock.instant();
    model.addAttribute("readable", new Readable());
    ConnectorRow row = row(connectors.get(id), who, now);
    model.addAttribute("row", row);
    model.addAttribute("busy", row.busy());
    model.addAttribute(
        "states",
        connectors.history(id, STATES_SHOWN).stream().map(StateChangeResponse::from).toList());
    model.addAttribute(
        "runs",
        mayReadRuns(who, id)
            ? sync.recentRuns(id, RECENT_RUNS).stream()
                .map(r -> new RunShown(RunResponse.from(r), now))
                .toList()
            : List.of());
    return "connectors/connector :: live";
  }

  /**
   * The connector as the API answers it; its latest run in full only for a role that may read runs
   * (the others see its state, as the connector's own answer carries it).
   */
  private ConnectorRow row(ConnectorView c, SignedIn who, Instant now) {
    var last = sync.latestRun(c.id());
    ConnectorResponse response = ConnectorResponse.from(c, last);
    Optional<RunShown> shown =
        mayReadRuns(who, c.id())
            ? last.map(r -> new RunShown(RunResponse.from(r), now))
            : Optional.empty();
    return new ConnectorRow(response, shown.orElse(null));
  }

  private static boolean mayReadRuns(SignedIn who, UUID connectorId) {
    return who != null
        && new Permissions(who.role()).get("/api/v1/connectors/" + connectorId + "/runs");
  }

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String missing(NotFoundException e, Model model) {
    model.addAttribute("message", e.getMessage());
    return "connectors/missing";
  }
}
