package dev.sightline.server.runs;

import dev.sightline.platform.sync.RunLog;
import java.time.Instant;

/** One line of a run's log; {@code fix} on error lines that know what to do. */
public record RunLogLineResponse(
    Instant at, String level, String stream, String message, String fix) {
  public static RunLogLineResponse from(RunLog.Line l) {
    return new RunLogLineResponse(
        l.at(), l.level(), l.stream().orElse(null), l.message(), l.fix().orElse(null));
  }
}
