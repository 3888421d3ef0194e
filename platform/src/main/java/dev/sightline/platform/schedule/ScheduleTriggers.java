package dev.sightline.platform.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.quartz.CalendarIntervalScheduleBuilder;
import org.quartz.CronScheduleBuilder;
import org.quartz.DateBuilder.IntervalUnit;
import org.quartz.ScheduleBuilder;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.spi.OperableTrigger;

/**
 * Turns a {@link Schedule} into the Quartz trigger that fires it: the one definition of when a
 * connector runs. Calendar intervals keep the wall-clock time across daylight-saving changes; a
 * missed occurrence (every node down) fires once, late, then the series goes on.
 */
public final class ScheduleTriggers {
  private ScheduleTriggers() {}

  /**
   * The trigger for the schedule, starting with its first occurrence after {@code notBefore}, so
   * that occurrences already past when a schedule is saved are not run as misfires.
   */
  public static Trigger trigger(Schedule schedule, TriggerKey key, Instant notBefore) {
    List<Instant> first = occurrencesAfter(schedule, notBefore.minusMillis(1), 1);
    Instant startAt = first.isEmpty() ? schedule.startInstant() : first.get(0);
    return TriggerBuilder.newTrigger()
        .withIdentity(key)
        .startAt(Date.from(startAt))
        .endAt(endOf(schedule))
        .withSchedule(scheduleOf(schedule))
        .build();
  }

  static List<Instant> occurrencesAfter(Schedule schedule, Instant after, int count) {
    OperableTrigger trigger =
        (OperableTrigger)
            TriggerBuilder.newTrigger()
                .startAt(Date.from(schedule.startInstant()))
                .endAt(endOf(schedule))
                .withSchedule(scheduleOf(schedule))
                .build();
    trigger.computeFirstFireTime(null);
    List<Instant> out = new ArrayList<>(count);
    Date cursor = Date.from(after);
    while (out.size() < count) {
      Date next = trigger.getFireTimeAfter(cursor);
      if (next == null) {
        break;
      }
      out.add(next.toInstant());
      cursor = next;
    }
    return out;
  }

  /** Quartz's end time is exclusive; the seeds' window includes the occurrence at its end. */
  private static Date endOf(Schedule schedule) {
    return Date.from(schedule.endInstant().plusSeconds(1));
  }

  private static ScheduleBuilder<? extends Trigger> scheduleOf(Schedule schedule) {
    TimeZone zone = TimeZone.getTimeZone(schedule.zone());
    return switch (schedule.occurs()) {
      case ONCE ->
          SimpleScheduleBuilder.simpleSchedule()
              .withRepeatCount(0)
              .withMisfireHandlingInstructionFireNow();
      case HOURLY -> calendar(1, IntervalUnit.HOUR, zone, false);
      case DAILY -> calendar(1, IntervalUnit.DAY, zone, true);
      case WEEKLY -> calendar(1, IntervalUnit.WEEK, zone, true);
      case MONTHLY -> calendar(1, IntervalUnit.MONTH, zone, true);
      case CRON ->
          CronScheduleBuilder.cronSchedule(schedule.cron().orElseThrow())
              .inTimeZone(zone)
              .withMisfireHandlingInstructionFireAndProceed();
    };
  }

  private static CalendarIntervalScheduleBuilder calendar(
      int interval, IntervalUnit unit, TimeZone zone, boolean keepWallClock) {
    return CalendarIntervalScheduleBuilder.calendarIntervalSchedule()
        .withInterval(interval, unit)
        .inTimeZone(zone)
        .preserveHourOfDayAcrossDaylightSavings(keepWallClock)
        .skipDayIfHourDoesNotExist(false)
        .withMisfireHandlingInstructionFireAndProceed();
  }
}
