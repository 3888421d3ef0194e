package dev.sightline.platform.schedule;

/**
 * A schedule as a create or edit request sends it; every part may be missing.
 *
 * @param occurs ONCE, HOURLY, DAILY (default), WEEKLY, MONTHLY or CRON
 * @param cron the cron expression when {@code occurs} is CRON
 * @param timezone an IANA zone such as {@code Asia/Calcutta}; the server's zone by default
 * @param start local date and time in that zone, {@code YYYY-MM-DDTHH:MM}; now by default
 */
public record ScheduleInput(String occurs, String cron, String timezone, String start) {}
