package dev.sightline.server.connectors;

import dev.sightline.platform.connectors.ConnectorView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A connector as the API shows it. {@code auth}: the connector type's own config fields by name
 * (they differ per type, hence a map), every secret already replaced by the platform's mask. {@code
 * fetchFrom}, {@code sampling}, {@code staleAfterDays}, {@code purgeStaleAfterDays} (null: stale
 * assets are kept): what its runs fetch and how long its assets count as current. {@code draft}:
 * saved without a passing connection test, so never scheduled. {@code useProxy}: whether its vendor
 * calls go through the server's outbound proxy (when one is set).
 */
public record ConnectorResponse(
    UUID id,
    String type,
    String name,
    String description,
    String vendorProductName,
    String sourceName,
    String dataToSync,
    Map<String, String> auth,
    Map<String, List<String>> filters,
    String state,
    Instant createdAt,
    Instant updatedAt,
    ScheduleResponse schedule,
    LastRun lastRun,
    Instant fetchFrom,
    boolean sampling,
    int staleAfterDays,
    Integer purgeStaleAfterDays,
    boolean draft,
    boolean useProxy) {

  /**
   * The connector's latest run: its state and where its findings are ({@code findingsState}), as
   * the seeds show a connector PROCESSED while findings may still be importing.
   */
  public record LastRun(UUID runId, String state, String findingsState, String trigger) {
    static LastRun from(dev.sightline.platform.sync.SyncRun r) {
      return new LastRun(
          r.runId(), r.state().name(), r.findingsState().name(), r.claim().trigger().name());
    }
  }

  /**
   * When the connector runs, the seeds' confirmation sentence, and the next five runs (none once
   * the schedule has ended).
   */
  public record ScheduleResponse(
      String occurs,
      String cron,
      String timezone,
      java.time.LocalDateTime start,
      java.time.LocalDateTime end,
      String confirmation,
      List<Instant> nextRuns,
      boolean ended) {
    static ScheduleResponse from(dev.sightline.platform.connectors.ScheduleView s) {
      return new ScheduleResponse(
          s.occurs(),
          s.cron().orElse(null),
          s.timezone(),
          s.start(),
          s.end(),
          s.confirmation(),
          s.nextRuns(),
          s.ended());
    }
  }

  static ConnectorResponse from(ConnectorView c) {
    return from(c, java.util.Optional.empty());
  }

  public static ConnectorResponse from(
      ConnectorView c, java.util.Optional<dev.sightline.platform.sync.SyncRun> last) {
    return new ConnectorResponse(
        c.id(),
        c.type(),
        c.name(),
        c.description(),
        c.vendorProductName(),
        c.sourceName(),
        c.dataToSync(),
        c.auth(),
        c.filters(),
        c.state(),
        c.createdAt(),
        c.updatedAt(),
        c.schedule().map(ScheduleResponse::from).orElse(null),
        last.map(LastRun::from).orElse(null),
        c.scope().fetchFrom(),
        c.scope().sampling(),
        c.scope().staleAfterDays(),
        c.scope().purgeStaleAfterDays(),
        c.draft(),
        c.useProxy());
  }
}
