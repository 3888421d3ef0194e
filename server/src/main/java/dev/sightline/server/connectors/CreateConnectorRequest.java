package dev.sightline.server.connectors;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Body of POST /api/v1/connectors; {@code filters}: source-side filters by name, each a list of
 * values, e.g. {@code {"productTypes":["Server"],"dataProviders":["Falcon Network Scan"]}}; {@code
 * fetchFrom}: the earliest date of data to fetch, {@code 2026-01-31} or an ISO-8601 instant
 * (default 1970-01-01, everything); {@code sampling}: the seeds' Sampling Mode, the top 1,000
 * assets and their findings; {@code staleAfterDays}: asset retention (default 30); {@code
 * purgeStaleAfterDays}: days a stale asset is kept before it is deleted (default: kept); {@code
 * draft}: save without a connection test (never scheduled); {@code connectionTestId}: a passing
 * test of the same settings, instead of testing again; {@code useProxy}: false for a vendor this
 * server reaches directly, around the outbound proxy (default true: through it, when one is set).
 * POST /api/v1/connectors/test takes the same body.
 */
record CreateConnectorRequest(
    String type,
    String name,
    String description,
    Map<String, String> auth,
    String dataToSync,
    Map<String, List<String>> filters,
    ScheduleRequest schedule,
    String fetchFrom,
    Boolean sampling,
    Integer staleAfterDays,
    Integer purgeStaleAfterDays,
    Boolean draft,
    UUID connectionTestId,
    Boolean useProxy) {

  /**
   * When the connector runs: {@code occurs} ONCE, HOURLY, DAILY (default), WEEKLY, MONTHLY or CRON;
   * {@code cron} for CRON; {@code timezone} an IANA name (the server's by default); {@code start}
   * local {@code YYYY-MM-DDTHH:MM} in it (now by default).
   */
  record ScheduleRequest(String occurs, String cron, String timezone, String start) {
    dev.sightline.platform.schedule.ScheduleInput input() {
      return new dev.sightline.platform.schedule.ScheduleInput(occurs, cron, timezone, start);
    }
  }
}
