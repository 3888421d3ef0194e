package dev.sightline.server.console.connectors;

import dev.sightline.platform.connectors.ConnectorService;
import dev.sightline.platform.errors.NotFoundException;
import dev.sightline.platform.sync.RunStage;
import dev.sightline.platform.sync.SyncService;
import dev.sightline.server.connectors.ConnectorResponse;
import dev.sightline.server.console.Times;
import dev.sightline.server.runs.RejectionResponse;
import dev.sightline.server.runs.RunLogLineResponse;
import dev.sightline.server.runs.RunResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A run's page: its counters, the records it rejected grouped by reason, where its time went, its
 * progress while it goes ({@code /runs/{runId}/live}, polled), its log and each error with its fix.
 * Everything is read as the runs API answers it (RunResponse, RejectionResponse,
 * RunLogLineResponse).
 */
@Controller
class RunPages {
  private final SyncService sync;
  private final ConnectorService connectors;
  private final Clock clock;

  RunPages(SyncService sync, ConnectorService connectors, Clock clock) {
    this.sync = sync;
    this.connectors = connectors;
    this.clock = clock;
  }

  @GetMapping("/runs/{runId}")
  String run(@PathVariable UUID runId, Model model) {
    live(runId, model);
    return "connectors/run";
  }

  @GetMapping("/runs/{runId}/live")
  String live(@PathVariable UUID runId, Model model) {
    RunResponse run =
        sync.run(runId)
            .map(RunResponse::from)
            .orElseThrow(() -> new NotFoundException("No run has id " + runId));
    RunShown shown = new RunShown(run, clock.instant());
    model.addAttribute("readable", new Readable());
    model.addAttribute("run", shown);
    model.addAttribute("busy", shown.active());
    model.addAttribute("connector", connectorOf(run.connectorId()));
    List<RejectionResponse> rejections =
        sync.rejections(runId).stream().map(RejectionResponse::from).toList();
    model.addAttribute("reasons", RejectionReason.grouped(rejections));
    model.addAttribute("rejectionsKept", rejections.size());
    model.addAttribute("stages", stages(run.stageMillis()));
    List<RunLogLineResponse> log = sync.log(runId).stream().map(RunLogLineResponse::from).toList();
    model.addAttribute("log", log);
    model.addAttribute("errors", log.stream().filter(l -> "ERROR".equals(l.level())).toList());
    return "connectors/run :: live";
  }

  /** The connector the run belongs to; null once it was deleted. */
  private ConnectorResponse connectorOf(UUID connectorId) {
    try {
      return ConnectorResponse.from(connectors.get(connectorId), java.util.Optional.empty());
    } catch (NotFoundException deleted) {
      return null;
    }
  }

  /** One stage's time, and its share of the run's. */
  public record StageTime(String stage, String took, int percent) {}

  /** The stages in the order a run goes through them, then any other the run reported. */
  private static List<StageTime> stages(Map<String, Long> millis) {
    if (millis == null || millis.isEmpty()) {
      return List.of();
    }
    Map<String, Long> ordered = new LinkedHashMap<>();
    for (RunStage stage : RunStage.values()) {
      String key = stage.name().toLowerCase(Locale.ROOT);
      if (millis.containsKey(key)) {
        ordered.put(key, millis.get(key));
      }
    }
    millis.forEach(ordered::putIfAbsent);
    long total = ordered.values().stream().mapToLong(Long::longValue).sum();
    List<StageTime> out = new ArrayList<>();
    ordered.forEach(
        (stage, ms) ->
            out.add(
                new StageTime(
                    Shown.word(stage),
                    Times.duration(Duration.ofMillis(ms)),
                    total == 0 ? 0 : (int) Math.round(ms * 100.0 / total))));
    return out;
  }

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String missing(NotFoundException e, Model model) {
    model.addAttribute("message", e.getMessage());
    return "connectors/missing";
  }
}
