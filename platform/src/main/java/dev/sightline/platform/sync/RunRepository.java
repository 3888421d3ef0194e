package dev.sightline.platform.sync;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.errors.ConflictException;
import dev.sightline.platform.ingest.StreamTally;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Stores runs and their counters. */
public final class RunRepository {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS =
      "id, connector_id, state, stream, full_sync, fetched, created, updated, unchanged, rejected,"
          + " pages, assets_linked, findings_new, findings_fixed, findings_reopened,"
          + " findings_unchanged, assets_scored, error, requested_at, started_at, finished_at,"
          + " stage_millis::text AS stage_millis, run_trigger, attempt, owner, lease_until,"
          + " heartbeat_at, scheduled_for, findings_state, stream_pages, stream_records,"
          + " stream_total";
  private final Jdbc jdbc;

  public RunRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records a requested run, SCHEDULED until a worker claims it; refuses a second run in flight for
   * the same connector.
   */
  public SyncRun create(UUID connectorId, RunTrigger trigger, Instant at) {
    return insert(connectorId, trigger, at, RunState.SCHEDULED, null, null, null);
  }

  /**
   * Records a run a schedule fired, already claimed by the node whose worker fired it.
   *
   * @param scheduledFor the occurrence that fired it (the run says when it started late)
   */
  public SyncRun createClaimed(
      UUID connectorId, Instant scheduledFor, String node, Instant leaseUntil, Instant at) {
    return insert(
        connectorId, RunTrigger.SCHEDULE, at, RunState.PROCESSING, scheduledFor, node, leaseUntil);
  }

  private SyncRun insert(
      UUID connectorId,
      RunTrigger trigger,
      Instant at,
      RunState state,
      Instant scheduledFor,
      String node,
      Instant leaseUntil) {
    UUID id = UUID.randomUUID();
    try {
      jdbc.update(
          "INSERT INTO sync_run (id, connector_id, state, requested_at, run_trigger, scheduled_for,"
              + " owner, lease_until, heartbeat_at, attempt, started_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          id,
          connectorId,
          state.name(),
          at,
          trigger.name(),
          scheduledFor,
          node,
          leaseUntil,
          node == null ? null : at,
          node == null ? 0 : 1,
          node == null ? null : at);
    } catch (Jdbc.DataAccessException e) {
      if (e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
        String active = activeRun(connectorId).map(UUID::toString).orElse("unknown");
        throw new ConflictException(
            "A run of this connector is already scheduled or in progress (run "
                + active
                + "): wait for it to finish before starting another");
      }
      throw e;
    }
    return find(id).orElseThrow();
  }

  /**
   * Claims a SCHEDULED run for a node; false when it is no longer waiting (another node took it).
   */
  public boolean claim(UUID runId, String node, Instant leaseUntil, Instant at) {
    return jdbc.update(
            "UPDATE sync_run SET state = ?, owner = ?, lease_until = ?, heartbeat_at = ?,"
                + " attempt = attempt + 1, started_at = COALESCE(started_at, ?)"
                + " WHERE id = ? AND state = ?",
            RunState.PROCESSING.name(),
            node,
            leaseUntil,
            at,
            at,
            runId,
            RunState.SCHEDULED.name())
        == 1;
  }

  /**
   * Takes over a PROCESSING run whose owner's lease expired before {@code at}: the run goes on from
   * its last committed page as a RECOVERY. False when its owner still holds a live lease.
   */
  public boolean takeOver(UUID runId, String node, Instant leaseUntil, Instant at) {
    return jdbc.update(
            "UPDATE sync_run SET owner = ?, lease_until = ?, heartbeat_at = ?,"
                + " attempt = attempt + 1, run_trigger = ?"
                + " WHERE id = ? AND state = ? AND (lease_until IS NULL OR lease_until < ?)",
            node,
            leaseUntil,
            at,
            RunTrigger.RECOVERY.name(),
            runId,
            RunState.PROCESSING.name(),
            at)
        == 1;
  }

  /**
   * Puts a run whose owner's lease expired before {@code cutoff}, and that no node took over, back
   * in line (SCHEDULED, as a RECOVERY) for any node's worker; false when someone holds it again.
   */
  public boolean requeue(UUID runId, Instant cutoff) {
    return jdbc.update(
            "UPDATE sync_run SET state = ?, owner = NULL, lease_until = NULL, run_trigger = ?,"
                + " stream = NULL WHERE id = ? AND state = ? AND lease_until < ?",
            RunState.SCHEDULED.name(),
            RunTrigger.RECOVERY.name(),
            runId,
            RunState.PROCESSING.name(),
            cutoff)
        == 1;
  }

  /** Renews the lease of every run the node is working on; returns how many. */
  public int heartbeat(String node, Instant leaseUntil, Instant at) {
    return jdbc.update(
        "UPDATE sync_run SET heartbeat_at = ?, lease_until = ? WHERE owner = ? AND state = ?",
        at,
        leaseUntil,
        node,
        RunState.PROCESSING.name());
  }

  /** Renews one run's lease, while its owner still holds it. */
  public void renew(UUID runId, String node, Instant leaseUntil, Instant at) {
    jdbc.update(
        "UPDATE sync_run SET heartbeat_at = ?, lease_until = ? WHERE id = ? AND owner = ?"
            + " AND state = ?",
        at,
        leaseUntil,
        runId,
        node,
        RunState.PROCESSING.name());
  }

  /** Runs in progress whose owner's lease expired before {@code cutoff}. */
  public List<SyncRun> leaseExpiredBefore(Instant cutoff) {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM sync_run WHERE state = ? AND lease_until < ?",
        RunRepository::row,
        RunState.PROCESSING.name(),
        cutoff);
  }

  /** The connector's latest run, without its per-stream figures (a summary needs none). */
  public Optional<SyncRun> latest(UUID connectorId) {
    return jdbc.queryOne(
        "SELECT "
            + COLUMNS
            + " FROM sync_run WHERE connector_id = ? ORDER BY requested_at DESC LIMIT 1",
        RunRepository::row,
        connectorId);
  }

  /** Runs still waiting for a worker that were requested before {@code cutoff}. */
  public List<SyncRun> waitingSince(Instant cutoff) {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM sync_run WHERE state = ? AND requested_at < ?",
        RunRepository::row,
        RunState.SCHEDULED.name(),
        cutoff);
  }

  /** Where the run's findings are. */
  public void findingsState(UUID runId, FindingsState state) {
    jdbc.update("UPDATE sync_run SET findings_state = ? WHERE id = ?", state.name(), runId);
  }

  public Optional<UUID> activeRun(UUID connectorId) {
    return jdbc.queryOne(
        "SELECT id FROM sync_run WHERE connector_id = ? AND state IN (?, ?)",
        rs -> rs.getObject(1, UUID.class),
        connectorId,
        RunState.SCHEDULED.name(),
        RunState.PROCESSING.name());
  }

  public Optional<SyncRun> find(UUID runId) {
    return jdbc.queryOne(
            "SELECT " + COLUMNS + " FROM sync_run WHERE id = ?", RunRepository::row, runId)
        .map(this::withTallies);
  }

  public List<SyncRun> forConnector(UUID connectorId, int limit) {
    return jdbc
        .query(
            "SELECT "
                + COLUMNS
                + " FROM sync_run WHERE connector_id = ?"
                + " ORDER BY requested_at DESC LIMIT ?",
            RunRepository::row,
            connectorId,
            limit)
        .stream()
        .map(this::withTallies)
        .toList();
  }

  private SyncRun withTallies(SyncRun run) {
    RunCounters c = run.counters();
    RunCounters counters =
        new RunCounters(
            c.fetched(),
            c.created(),
            c.updated(),
            c.unchanged(),
            c.rejected(),
            c.pages(),
            c.assetsLinked(),
            c.findingsNew(),
            c.findingsFixed(),
            c.findingsReopened(),
            c.findingsUnchanged(),
            c.assetsScored(),
            tallies(run.runId()));
    return new SyncRun(
        run.runId(),
        run.connectorId(),
        run.state(),
        run.stream(),
        run.fullSync(),
        counters,
        run.error(),
        run.requestedAt(),
        run.startedAt(),
        run.finishedAt(),
        run.stageMillis(),
        run.claim(),
        run.findingsState(),
        run.progress());
  }

  public void streamStarted(UUID runId, String stream, boolean fullSync) {
    jdbc.update(
        "UPDATE sync_run SET stream = ?, full_sync = COALESCE(full_sync, true) AND ?,"
            + " stream_pages = 0, stream_records = 0, stream_total = NULL WHERE id = ?",
        stream,
        fullSync,
        runId);
  }

  /** The vendor's total for the stream being read, once a page has told it. */
  public void streamTotal(UUID runId, long total) {
    jdbc.update("UPDATE sync_run SET stream_total = ? WHERE id = ?", total, runId);
  }

  /** Adds a page's counters; called inside the page's transaction. */
  static void addPage(Connection c, UUID runId, RunCounters page) throws SQLException {
    Jdbc.update(
        c,
        "UPDATE sync_run SET fetched = fetched + ?, created = created + ?,"
            + " updated = updated + ?, unchanged = unchanged + ?, rejected = rejected + ?,"
            + " pages = pages + ?, assets_linked = assets_linked + ?,"
            + " stream_pages = stream_pages + ?, stream_records = stream_records + ? WHERE id = ?",
        page.fetched(),
        page.created(),
        page.updated(),
        page.unchanged(),
        page.rejected(),
        page.pages(),
        page.assetsLinked(),
        page.pages(),
        page.fetched(),
        runId);
  }

  /** Adds a page's stream figures; called inside the page's transaction. */
  static void addStreamTally(Connection c, UUID runId, String stream, StreamTally t)
      throws SQLException {
    Jdbc.update(
        c,
        "INSERT INTO sync_run_stream AS s (run_id, stream, fetched, stored, rejected,"
            + " elements_fetched, elements_stored, elements_rejected, snapshot_assets)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, stream) DO UPDATE SET"
            + " fetched = s.fetched + EXCLUDED.fetched, stored = s.stored + EXCLUDED.stored,"
            + " rejected = s.rejected + EXCLUDED.rejected,"
            + " elements_fetched = s.elements_fetched + EXCLUDED.elements_fetched,"
            + " elements_stored = s.elements_stored + EXCLUDED.elements_stored,"
            + " elements_rejected = s.elements_rejected + EXCLUDED.elements_rejected,"
            + " snapshot_assets = s.snapshot_assets + EXCLUDED.snapshot_assets",
        runId,
        stream,
        t.fetched(),
        t.stored(),
        t.rejected(),
        t.elementsFetched(),
        t.elementsStored(),
        t.elementsRejected(),
        t.snapshotAssets());
  }

  /** What a run's pages of one stream added up to; none when it committed no page of it. */
  public StreamTally streamTally(UUID runId, String stream) {
    return tallies(runId).getOrDefault(stream, StreamTally.NONE);
  }

  /** Every stream's figures of a run, in the order the streams were first committed. */
  public Map<String, StreamTally> tallies(UUID runId) {
    Map<String, StreamTally> out = new LinkedHashMap<>();
    jdbc.query(
        "SELECT stream, fetched, stored, rejected, elements_fetched, elements_stored,"
            + " elements_rejected, snapshot_assets FROM sync_run_stream WHERE run_id = ?"
            + " ORDER BY first_page",
        rs ->
            out.put(
                rs.getString(1),
                new StreamTally(
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getLong(5),
                    rs.getLong(6),
                    rs.getLong(7),
                    rs.getLong(8))),
        runId);
    return out;
  }

  /** The rejections a run kept, in the order they were made. */
  public List<KeptRejection> rejections(UUID runId) {
    return jdbc.query(
        "SELECT stream, record_key, element_path, reasons, rejected_at"
            + " FROM rejected_record WHERE run_id = ? ORDER BY id",
        rs ->
            new KeptRejection(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getTimestamp(5).toInstant()),
        runId);
  }

  /** Records what the end-of-run finding recompute did; inside its transaction. */
  static void findings(
      Connection c, UUID runId, long created, long fixed, long reopened, long unchanged)
      throws SQLException {
    Jdbc.update(
        c,
        "UPDATE sync_run SET findings_new = findings_new + ?,"
            + " findings_fixed = findings_fixed + ?, findings_reopened = findings_reopened + ?,"
            + " findings_unchanged = findings_unchanged + ? WHERE id = ?",
        created,
        fixed,
        reopened,
        unchanged,
        runId);
  }

  /** Records the end-of-run rescoring and where the run's time went. */
  void scoredAndTimed(UUID runId, long assetsScored, Map<String, Long> stageMillis) {
    try {
      jdbc.update(
          "UPDATE sync_run SET assets_scored = assets_scored + ?,"
              + " stage_millis = ?::jsonb WHERE id = ?",
          assetsScored,
          JSON.writeValueAsString(stageMillis),
          runId);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public void finished(UUID runId, RunState state, Optional<String> error, Instant at) {
    jdbc.update(
        "UPDATE sync_run SET state = ?, error = ?, finished_at = ?, stream = NULL,"
            + " lease_until = NULL, findings_state = CASE WHEN findings_state IN (?, ?)"
            + " THEN findings_state ELSE ? END WHERE id = ?",
        state.name(),
        error.orElse(null),
        at,
        FindingsState.PROCESSED.name(),
        FindingsState.NOT_REQUESTED.name(),
        state == RunState.PROCESSED ? FindingsState.PROCESSED.name() : FindingsState.ERRORED.name(),
        runId);
  }

  private static SyncRun row(ResultSet rs) throws SQLException {
    return new SyncRun(
        rs.getObject("id", UUID.class),
        rs.getObject("connector_id", UUID.class),
        RunState.valueOf(rs.getString("state")),
        Optional.ofNullable(rs.getString("stream")),
        Optional.ofNullable((Boolean) rs.getObject("full_sync")),
        new RunCounters(
            rs.getLong("fetched"),
            rs.getLong("created"),
            rs.getLong("updated"),
            rs.getLong("unchanged"),
            rs.getLong("rejected"),
            rs.getLong("pages"),
            rs.getLong("assets_linked"),
            rs.getLong("findings_new"),
            rs.getLong("findings_fixed"),
            rs.getLong("findings_reopened"),
            rs.getLong("findings_unchanged"),
            rs.getLong("assets_scored"),
            Map.of()),
        Optional.ofNullable(rs.getString("error")),
        rs.getTimestamp("requested_at").toInstant(),
        instant(rs.getTimestamp("started_at")),
        instant(rs.getTimestamp("finished_at")),
        stageMillis(rs.getString("stage_millis")),
        new RunClaim(
            RunTrigger.valueOf(rs.getString("run_trigger")),
            rs.getInt("attempt"),
            Optional.ofNullable(rs.getString("owner")),
            instant(rs.getTimestamp("lease_until")),
            instant(rs.getTimestamp("heartbeat_at")),
            instant(rs.getTimestamp("scheduled_for"))),
        FindingsState.valueOf(rs.getString("findings_state")),
        new RunProgress(
            Optional.ofNullable(rs.getString("stream")),
            rs.getLong("stream_pages"),
            rs.getLong("stream_records"),
            rs.getObject("stream_total") == null
                ? java.util.OptionalLong.empty()
                : java.util.OptionalLong.of(rs.getLong("stream_total"))));
  }

  /** In the order of {@link RunStage} (jsonb keeps its own key order). */
  private static Map<String, Long> stageMillis(String json) {
    try {
      Map<String, Long> stored = JSON.readValue(json, new TypeReference<Map<String, Long>>() {});
      Map<String, Long> ordered = new LinkedHashMap<>();
      for (RunStage stage : RunStage.values()) {
        Long ms = stored.remove(stage.key());
        if (ms != null) {
          ordered.put(stage.key(), ms);
        }
      }
      ordered.putAll(stored);
      return ordered;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("stage_millis is not a JSON object of numbers", e);
    }
  }

  private static Optional<Instant> instant(Timestamp t) {
    return Optional.ofNullable(t).map(Timestamp::toInstant);
  }
}
