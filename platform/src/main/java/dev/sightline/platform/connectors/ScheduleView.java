package dev.sightline.platform.connectors;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A connector's schedule as shown: what was asked, the seeds' confirmation sentence, and the next
 * five runs; {@code ended} once the five-year window (or the single occurrence) has passed.
 */
public record ScheduleView(
    String occurs,
    Optional<String> cron,
    String timezone,
    LocalDateTime start,
    LocalDateTime end,
    String confirmation,
    List<Instant> nextRuns,
    boolean ended) {}
