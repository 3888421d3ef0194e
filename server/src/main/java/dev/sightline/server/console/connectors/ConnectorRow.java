package dev.sightline.server.console.connectors;

import dev.sightline.server.connectors.ConnectorResponse;
import dev.sightline.server.console.Times;

/** One connector as the list and its page show it: the API's answer and its latest run. */
public record ConnectorRow(ConnectorResponse connector, RunShown lastRun) {

  public String stateWord() {
    return Shown.word(connector.state());
  }

  /** A run waiting or going: the list polls quickly while one is. */
  public boolean busy() {
    if (lastRun != null) {
      return lastRun.active();
    }
    var last = connector.lastRun();
    return last != null && ("SCHEDULED".equals(last.state()) || "PROCESSING".equals(last.state()));
  }

  /** When it runs next, from its schedule, or why it does not. */
  public String nextRun() {
    if (connector.draft()) {
      return "Not scheduled (draft: its connection test has not passed)";
    }
    var schedule = connector.schedule();
    if (schedule == null) {
      return "Not scheduled (runs when started)";
    }
    if (schedule.ended() || schedule.nextRuns() == null || schedule.nextRuns().isEmpty()) {
      return "Schedule ended";
    }
    return Times.second(schedule.nextRuns().get(0));
  }
}
