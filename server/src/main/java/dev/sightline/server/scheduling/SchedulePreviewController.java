package dev.sightline.server.scheduling;

import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.platform.errors.InvalidRequestException.Problem;
import dev.sightline.platform.schedule.Schedule;
import dev.sightline.platform.schedule.ScheduleInput;
import dev.sightline.platform.schedule.ScheduleParser;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A schedule read exactly as a connector's create or edit would read it, stored nowhere: the seeds'
 * confirmation sentence and the next five runs, or every problem with its field. The wizard shows
 * the sentence as it changes, so the words are the platform's and never the page's own.
 */
@RestController
class SchedulePreviewController {
  private final Clock clock;
  private final ScheduleParser parser;

  SchedulePreviewController(Clock clock) {
    this.clock = clock;
    // The server's zone is the default timezone, as for a connector's schedule.
    this.parser = new ScheduleParser(clock.getZone());
  }

  @PostMapping("/api/v1/schedules/preview")
  SchedulePreviewResponse preview(@RequestBody(required = false) SchedulePreviewRequest body) {
    List<Problem> problems = new ArrayList<>();
    Instant now = clock.instant();
    Schedule schedule =
        parser.parse(
            body == null
                ? null
                : new ScheduleInput(body.occurs(), body.cron(), body.timezone(), body.start()),
            now,
            problems);
    if (schedule == null || !problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return new SchedulePreviewResponse(
        schedule.occurs().name(),
        schedule.cron().orElse(null),
        schedule.zone().getId(),
        schedule.start(),
        schedule.end(),
        schedule.confirmation(now),
        schedule.nextRuns(now, 5));
  }

  /**
   * The {@code schedule} object of a connector's create or edit: {@code occurs} ONCE, HOURLY, DAILY
   * (default), WEEKLY, MONTHLY or CRON; {@code cron} for CRON; {@code timezone} an IANA name (the
   * server's by default); {@code start} local {@code YYYY-MM-DDTHH:MM} in it (now by default).
   */
  record SchedulePreviewRequest(String occurs, String cron, String timezone, String start) {}

  /** The schedule as it would be saved now: the seeds' confirmation sentence and next runs. */
  record SchedulePreviewResponse(
      String occurs,
      String cron,
      String timezone,
      LocalDateTime start,
      LocalDateTime end,
      String confirmation,
      List<Instant> nextRuns) {}
}
