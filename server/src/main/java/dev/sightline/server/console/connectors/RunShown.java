package dev.sightline.server.console.connectors;

import dev.sightline.server.console.Times;
import dev.sightline.server.runs.RunResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * A run as these pages show it: the API's own answer ({@link RunResponse}), read for people. {@code
 * now} ends the duration of a run still going.
 */
public record RunShown(RunResponse run, Instant now) {

  /** SCHEDULED or PROCESSING: worth polling for. */
  public boolean active() {
    return "SCHEDULED".equals(run.state()) || "PROCESSING".equals(run.state());
  }

  public String stateWord() {
    return Shown.word(run.state());
  }

  /** When it started, or was asked for while it waits for a worker. */
  public String when() {
    return Times.second(run.startedAt() != null ? run.startedAt() : run.requestedAt());
  }

  public String requestedAt() {
    return Times.second(run.requestedAt());
  }

  public String startedAt() {
    return Times.second(run.startedAt());
  }

  public String finishedAt() {
    return Times.second(run.finishedAt());
  }

  /** How long it took, or has taken so far. */
  public String duration() {
    if (run.startedAt() == null) {
      return "";
    }
    Instant end = run.finishedAt() != null ? run.finishedAt() : now;
    return Times.duration(Duration.between(run.startedAt(), end));
  }

  public String fetched() {
    return Shown.count(run.counters().fetched());
  }

  /** Fetched and kept: created, updated or found unchanged (fetched less rejected). */
  public String stored() {
    var c = run.counters();
    return Shown.count(c.created() + c.updated() + c.unchanged());
  }

  public String rejected() {
    return Shown.count(run.counters().rejected());
  }

  /** Whether the connector syncs findings at all (the findings phase is worth naming). */
  public boolean findingsRequested() {
    return run.findingsState() != null && !"NOT_REQUESTED".equals(run.findingsState());
  }

  public String findingsWord() {
    return Shown.word(run.findingsState());
  }

  /** Which phase a processing run is in: the assets first, then the findings. */
  public String phase() {
    if (!"PROCESSING".equals(run.state())) {
      return null;
    }
    return "PROCESSING".equals(run.findingsState()) ? "findings" : "assets";
  }

  /** "Page 3 · 1,200 of 3,000 records (40 %) · stream hosts"; null unless processing. */
  public String progressText() {
    RunResponse.Progress p = run.progress();
    if (p == null) {
      return null;
    }
    StringBuilder text = new StringBuilder("Page ").append(Shown.count(p.pages())).append(" · ");
    text.append(Shown.count(p.records()));
    if (p.total() != null) {
      text.append(" of ").append(Shown.count(p.total()));
    }
    text.append(" records");
    if (p.percent() != null) {
      text.append(" (").append(p.percent()).append(" %)");
    }
    if (p.stream() != null) {
      text.append(" · ").append(p.stream());
    }
    return text.toString();
  }

  /** The progress bar's maximum: the vendor's total when it gives one (else the bar is open). */
  public Long progressMax() {
    return run.progress() == null ? null : run.progress().total();
  }
}
