package dev.sightline.platform.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.platform.errors.InvalidRequestException.Problem;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {
  private static final ZoneId CALCUTTA = ZoneId.of("Asia/Calcutta");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private final ScheduleParser parser = new ScheduleParser(ZoneId.of("UTC"));

  private Schedule parse(ScheduleInput in, Instant now) {
    List<Problem> problems = new ArrayList<>();
    Schedule s = parser.parse(in, now, problems);
    assertThat(problems).isEmpty();
    return s;
  }

  private List<Problem> problems(ScheduleInput in, Instant now) {
    List<Problem> problems = new ArrayList<>();
    parser.parse(in, now, problems);
    return problems;
  }

  @Test
  void single_occurrence_reads_as_the_seeds_confirmation() {
    Instant now = Instant.parse("2026-05-01T00:00:00Z");
    Schedule s = parse(new ScheduleInput("ONCE", null, "Asia/Calcutta", "2026-05-13T16:37"), now);
    assertThat(s.confirmation(now))
        .isEqualTo("The sync is scheduled for May 13, 2026 04:37 PM in Asia/Calcutta timezone");
    assertThat(s.nextRuns(now, 5))
        .containsExactly(ZonedDateTime.of(2026, 5, 13, 16, 37, 0, 0, CALCUTTA).toInstant());
  }

  @Test
  void a_single_occurrence_that_has_passed_says_so_and_has_no_next_run() {
    Instant now = Instant.parse("2026-05-01T00:00:00Z");
    Schedule s = parse(new ScheduleInput("ONCE", null, "UTC", "2026-05-02T10:00"), now);
    Instant later = Instant.parse("2026-05-03T00:00:00Z");
    assertThat(s.nextRuns(later, 5)).isEmpty();
    assertThat(s.endedBy(later)).isTrue();
    assertThat(s.confirmation(later)).contains("that time has passed").contains("edit");
  }

  @Test
  void a_single_occurrence_in_the_past_is_refused_with_the_time_there() {
    Instant now = Instant.parse("2026-05-13T12:00:00Z"); // 17:30 in Calcutta
    assertThat(problems(new ScheduleInput("ONCE", null, "Asia/Calcutta", "2026-05-13T16:37"), now))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("schedule.start");
              assertThat(p.message()).contains("future").contains("2026-05-13T17:30");
            });
  }

  @Test
  void daily_reads_as_the_seeds_example_with_its_five_year_window() {
    Instant now = Instant.parse("2026-05-05T00:00:00Z");
    Schedule s = parse(new ScheduleInput("DAILY", null, "Asia/Calcutta", "2026-05-05T15:08"), now);
    assertThat(s.confirmation(now))
        .isEqualTo(
            "The sync is scheduled to run daily from May 5, 2026 at 03:08 PM till May 5, 2031 at"
                + " 03:08 PM in the Asia/Calcutta timezone");
    assertThat(s.nextRuns(now, 3))
        .containsExactly(
            Instant.parse("2026-05-05T09:38:00Z"),
            Instant.parse("2026-05-06T09:38:00Z"),
            Instant.parse("2026-05-07T09:38:00Z"));
  }

  @Test
  void by_default_a_connector_runs_daily_from_now_in_the_servers_zone() {
    Instant now = Instant.parse("2026-05-05T09:38:42Z");
    Schedule s = parse(null, now);
    assertThat(s.occurs()).isEqualTo(Occurrence.DAILY);
    assertThat(s.zone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(s.start()).isEqualTo(LocalDateTime.parse("2026-05-05T09:38"));
    assertThat(s.nextRuns(now, 1)).containsExactly(Instant.parse("2026-05-06T09:38:00Z"));
  }

  @Test
  void daily_keeps_its_wall_clock_time_across_daylight_saving_changes() {
    Instant now = Instant.parse("2026-03-06T00:00:00Z");
    Schedule s =
        parse(new ScheduleInput("DAILY", null, "America/New_York", "2026-03-06T02:30"), now);
    // Spring forward on 2026-03-08 (02:00 -> 03:00): the 02:30 of that day does not exist; the
    // day is not skipped, and the days around it keep 02:30 local time.
    List<Instant> runs = s.nextRuns(now, 4);
    assertThat(runs.get(0))
        .isEqualTo(ZonedDateTime.of(2026, 3, 6, 2, 30, 0, 0, NEW_YORK).toInstant());
    assertThat(runs.get(1))
        .isEqualTo(ZonedDateTime.of(2026, 3, 7, 2, 30, 0, 0, NEW_YORK).toInstant());
    assertThat(runs.get(2).atZone(NEW_YORK).toLocalDate()).isEqualTo("2026-03-08");
    assertThat(runs.get(3))
        .isEqualTo(ZonedDateTime.of(2026, 3, 9, 2, 30, 0, 0, NEW_YORK).toInstant());
    assertThat(runs.get(3).toString()).isEqualTo("2026-03-09T06:30:00Z"); // EDT, UTC-4
    assertThat(runs.get(1).toString()).isEqualTo("2026-03-07T07:30:00Z"); // EST, UTC-5
  }

  @Test
  void weekly_and_monthly_step_by_calendar_in_the_zone() {
    Instant now = Instant.parse("2026-10-20T00:00:00Z");
    Schedule weekly =
        parse(new ScheduleInput("weekly", null, "Europe/Berlin", "2026-10-20T09:00"), now);
    // Europe leaves summer time on 2026-10-25: 09:00 stays 09:00 local (07:00Z then 08:00Z).
    assertThat(weekly.nextRuns(now, 2))
        .containsExactly(
            Instant.parse("2026-10-20T07:00:00Z"), Instant.parse("2026-10-27T08:00:00Z"));
    Schedule monthly = parse(new ScheduleInput("MONTHLY", null, "UTC", "2026-10-20T09:00"), now);
    assertThat(monthly.nextRuns(now, 3))
        .containsExactly(
            Instant.parse("2026-10-20T09:00:00Z"),
            Instant.parse("2026-11-20T09:00:00Z"),
            Instant.parse("2026-12-20T09:00:00Z"));
    assertThat(monthly.confirmation(now)).startsWith("The sync is scheduled to run monthly from");
  }

  @Test
  void hourly_follows_absolute_hours() {
    Instant now = Instant.parse("2026-05-05T00:00:00Z");
    Schedule s = parse(new ScheduleInput("HOURLY", null, "Asia/Calcutta", "2026-05-05T15:08"), now);
    assertThat(s.nextRuns(now, 2))
        .containsExactly(
            Instant.parse("2026-05-05T09:38:00Z"), Instant.parse("2026-05-05T10:38:00Z"));
  }

  @Test
  void the_schedule_stops_at_the_end_of_its_five_years_and_says_so() {
    Instant now = Instant.parse("2026-05-05T00:00:00Z");
    Schedule s = parse(new ScheduleInput("DAILY", null, "UTC", "2026-05-05T15:08"), now);
    Instant lastDay = Instant.parse("2031-05-04T16:00:00Z");
    assertThat(s.nextRuns(lastDay, 5)).containsExactly(Instant.parse("2031-05-05T15:08:00Z"));
    Instant after = Instant.parse("2031-05-05T15:09:00Z");
    assertThat(s.nextRuns(after, 5)).isEmpty();
    assertThat(s.confirmation(after))
        .isEqualTo(
            "The schedule ended on May 5, 2031 at 03:08 PM in the UTC timezone after its five"
                + " years; edit the connector's schedule to keep it running");
  }

  @Test
  void cron_takes_quartz_syntax_or_five_unix_fields_in_its_zone() {
    Instant now = Instant.parse("2026-05-04T00:00:00Z"); // a Monday
    Schedule quartz =
        parse(
            new ScheduleInput("CRON", "0 30 2 ? * MON-FRI", "Asia/Calcutta", "2026-05-04T00:00"),
            now);
    assertThat(quartz.nextRuns(now, 1)).containsExactly(Instant.parse("2026-05-04T21:00:00Z"));
    Schedule unix =
        parse(new ScheduleInput("CRON", "30 2 * * 1-5", "UTC", "2026-05-04T00:00"), now);
    assertThat(unix.cron()).contains("0 30 2 ? * 2-6");
    assertThat(unix.nextRuns(Instant.parse("2026-05-08T03:00:00Z"), 1)) // Friday after 02:30
        .containsExactly(Instant.parse("2026-05-11T02:30:00Z")); // Monday
    assertThat(unix.confirmation(now)).contains("on a cron schedule '0 30 2 ? * 2-6'");
  }

  @Test
  void every_bad_part_is_named_with_what_to_write() {
    Instant now = Instant.parse("2026-05-04T00:00:00Z");
    assertThat(problems(new ScheduleInput("FORTNIGHTLY", null, "Mars/Olympus", "13/05/2026"), now))
        .extracting(Problem::field)
        .containsExactly("schedule.occurs", "schedule.timezone", "schedule.start");
    assertThat(problems(new ScheduleInput("CRON", null, null, null), now))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("required"));
    assertThat(problems(new ScheduleInput("CRON", "every day", null, null), now))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("not a cron expression"));
    assertThat(problems(new ScheduleInput("DAILY", "0 0 * * *", null, null), now))
        .singleElement()
        .satisfies(p -> assertThat(p.field()).isEqualTo("schedule.cron"));
  }
}
