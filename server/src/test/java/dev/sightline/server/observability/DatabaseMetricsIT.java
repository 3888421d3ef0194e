package dev.sightline.server.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.platform.db.Database;
import dev.sightline.platform.db.Jdbc;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The figures Sightline's metrics read from the database, over a real PostgreSQL holding runs of
 * two connectors; and a scrape that still answers, with the last figures, while the database is
 * locked or gone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseMetricsIT {
  private static final Instant T = Instant.parse("2026-05-13T10:00:00Z");
  private static final List<String> TYPES = List.of("crowdstrike", "cortex-xdr");
  private static final List<String> RUN_STATES = List.of("PROCESSING", "PROCESSED", "ERRORED");
  private static final List<String> CONNECTOR_STATES =
      List.of("REGISTERED", "SCHEDULED", "PROCESSING", "PROCESSED", "ERRORED");

  private EmbeddedPostgres postgres;
  private DataSource dataSource;
  private Jdbc jdbc;
  private DatabaseMetrics metrics;

  @BeforeAll
  void fill() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    dataSource = postgres.getPostgresDatabase();
    Database.migrate(dataSource);
    jdbc = new Jdbc(dataSource);

    UUID falcon = connector("Falcon EU", "crowdstrike", "PROCESSED");
    UUID cortex = connector("Cortex lab", "cortex-xdr", "ERRORED");
    connector("Idle", "crowdstrike", "REGISTERED");

    UUID first = run(falcon, "PROCESSED", T, Duration.ofSeconds(10));
    stream(first, "hosts", 5, 4, 1, 0, 0, 0);
    stream(first, "vulnerabilities", 7, 7, 0, 0, 0, 0);
    UUID second = run(falcon, "PROCESSED", T.plusSeconds(100), Duration.ofSeconds(30));
    stream(second, "hosts", 2, 2, 0, 0, 0, 0);
    UUID errored = run(cortex, "ERRORED", T.plusSeconds(200), Duration.ofMillis(2500));
    stream(errored, "vulnerabilities", 3, 3, 0, 9, 8, 1);
    run(cortex, "PROCESSING", T.plusSeconds(300), null);

    for (int i = 0; i < 3; i++) {
      jdbc.update("INSERT INTO asset (created_at, updated_at) VALUES (?, ?)", T, T);
    }
    jdbc.update(
        "INSERT INTO asset_rescore (asset_id, queued_at) SELECT id, ? FROM asset LIMIT 2", T);

    metrics = collector(Duration.ofMillis(500));
  }

  @AfterAll
  void stop() throws Exception {
    metrics.close();
    postgres.close();
  }

  @Test
  @Order(1)
  void shouldCountRunsAndConnectorsByTypeAndStateShowingEmptyOnesAsZero() {
    MetricSnapshots scrape = metrics.collect();

    assertThat(value(scrape, "sightline_metrics_database_up")).isEqualTo(1);
    assertThat(value(scrape, "sightline_runs", typeAndState("crowdstrike", "PROCESSED")))
        .isEqualTo(2);
    assertThat(value(scrape, "sightline_runs", typeAndState("crowdstrike", "ERRORED"))).isZero();
    assertThat(value(scrape, "sightline_runs", typeAndState("cortex-xdr", "ERRORED"))).isEqualTo(1);
    assertThat(value(scrape, "sightline_runs", typeAndState("cortex-xdr", "PROCESSING")))
        .isEqualTo(1);
    assertThat(points(scrape, "sightline_runs")).hasSize(TYPES.size() * RUN_STATES.size());
    assertThat(value(scrape, "sightline_connectors", typeAndState("crowdstrike", "PROCESSED")))
        .isEqualTo(1);
    assertThat(value(scrape, "sightline_connectors", typeAndState("crowdstrike", "REGISTERED")))
        .isEqualTo(1);
    assertThat(value(scrape, "sightline_connectors", typeAndState("cortex-xdr", "SCHEDULED")))
        .isZero();
  }

  @Test
  @Order(1)
  void shouldSumTheDurationsOfFinishedRunsAndShowEachConnectorsLastRun() {
    MetricSnapshots scrape = metrics.collect();

    SummaryDataPointSnapshot falcon =
        (SummaryDataPointSnapshot)
            point(
                scrape, "sightline_run_duration_seconds", typeAndState("crowdstrike", "PROCESSED"));
    assertThat(falcon.getCount()).isEqualTo(2);
    assertThat(falcon.getSum()).isEqualTo(40.0);
    SummaryDataPointSnapshot cortex =
        (SummaryDataPointSnapshot)
            point(scrape, "sightline_run_duration_seconds", typeAndState("cortex-xdr", "ERRORED"));
    assertThat(cortex.getCount()).isEqualTo(1);
    assertThat(cortex.getSum()).isEqualTo(2.5);
    assertThat(points(scrape, "sightline_run_duration_seconds"))
        .as("a run still processing has no duration yet")
        .hasSize(2);

    assertThat(
            value(
                scrape,
                "sightline_run_last_duration_seconds",
                connector("Falcon EU", "crowdstrike")))
        .isEqualTo(30.0);
    assertThat(
            value(
                scrape,
                "sightline_run_last_duration_seconds",
                connector("Cortex lab", "cortex-xdr")))
        .isEqualTo(2.5);
    assertThat(
            value(
                scrape,
                "sightline_run_last_success_timestamp_seconds",
                connector("Falcon EU", "crowdstrike")))
        .isEqualTo(T.plusSeconds(130).getEpochSecond());
    assertThat(points(scrape, "sightline_run_last_success_timestamp_seconds"))
        .as("only Falcon EU has a PROCESSED run")
        .hasSize(1);
    assertThat(points(scrape, "sightline_run_last_duration_seconds"))
        .as("Idle has never run")
        .hasSize(2);
  }

  @Test
  @Order(1)
  void shouldAddUpRecordsPerConnectorAndStreamOverItsRuns() {
    MetricSnapshots scrape = metrics.collect();
    Labels falconHosts = connector("Falcon EU", "crowdstrike").add("stream", "hosts");
    Labels cortexVulns = connector("Cortex lab", "cortex-xdr").add("stream", "vulnerabilities");

    assertThat(value(scrape, "sightline_records_fetched", falconHosts)).isEqualTo(7);
    assertThat(value(scrape, "sightline_records_stored", falconHosts)).isEqualTo(6);
    assertThat(value(scrape, "sightline_records_rejected", falconHosts)).isEqualTo(1);
    assertThat(
            value(
                scrape,
                "sightline_records_fetched",
                connector("Falcon EU", "crowdstrike").add("stream", "vulnerabilities")))
        .isEqualTo(7);
    assertThat(value(scrape, "sightline_records_fetched", cortexVulns)).isEqualTo(3);
    assertThat(value(scrape, "sightline_record_elements_fetched", cortexVulns)).isEqualTo(9);
    assertThat(value(scrape, "sightline_record_elements_stored", cortexVulns)).isEqualTo(8);
    assertThat(value(scrape, "sightline_record_elements_rejected", cortexVulns)).isEqualTo(1);
  }

  @Test
  @Order(1)
  void shouldShowHowManyAssetsWaitToBeRescored() {
    assertThat(value(metrics.collect(), "sightline_rescore_queue_depth")).isEqualTo(2);
  }

  @Test
  @Order(2)
  void shouldAnswerWithTheLastFiguresWhileTheDatabaseIsLockedAndCurrentOnesAfter()
      throws Exception {
    metrics.collect();
    try (Connection locker = dataSource.getConnection()) {
      locker.setAutoCommit(false);
      locker.createStatement().execute("LOCK TABLE sync_run IN ACCESS EXCLUSIVE MODE");

      MetricSnapshots stale = metrics.collect();

      assertThat(value(stale, "sightline_metrics_database_up")).isZero();
      assertThat(value(stale, "sightline_runs", typeAndState("crowdstrike", "PROCESSED")))
          .isEqualTo(2);
      locker.rollback();
    }

    // The read the lock held up ends now; a later scrape shows current figures again.
    MetricSnapshots current = metrics.collect();
    for (int i = 0; i < 20 && value(current, "sightline_metrics_database_up") == 0; i++) {
      current = metrics.collect();
    }
    assertThat(value(current, "sightline_metrics_database_up")).isEqualTo(1);
  }

  @Test
  @Order(3)
  void shouldAnswerWithoutFailingWhenTheDatabaseIsGone() throws Exception {
    DatabaseMetrics neverRead = collector(Duration.ofMillis(500));
    metrics.collect();
    postgres.close();

    MetricSnapshots stale = metrics.collect();

    assertThat(value(stale, "sightline_metrics_database_up")).isZero();
    assertThat(value(stale, "sightline_rescore_queue_depth")).isEqualTo(2);
    MetricSnapshots nothing = neverRead.collect();
    assertThat(value(nothing, "sightline_metrics_database_up")).isZero();
    assertThat(nothing.stream().map(s -> s.getMetadata().getName()))
        .as("no figures were ever read, so none are shown")
        .containsExactly("sightline_metrics_database_up");
    neverRead.close();
  }

  private DatabaseMetrics collector(Duration deadline) {
    return new DatabaseMetrics(
        new BoundedRead<>("test figures", new DatabaseFigures(jdbc)::read, deadline),
        TYPES,
        RUN_STATES,
        CONNECTOR_STATES);
  }

  private UUID connector(String name, String type, String state) {
    UUID id = UUID.randomUUID();
    jdbc.update(
        "INSERT INTO connector (id, type, name, settings, secrets, data_scope, state, created_at,"
            + " updated_at) VALUES (?, ?, ?, '{}'::jsonb, ?, 'ASSETS_AND_FINDINGS', ?, ?, ?)",
        id,
        type,
        name,
        new byte[] {1},
        state,
        T,
        T);
    return id;
  }

  /** A run started at {@code start}, finished {@code took} later (null: not finished). */
  private UUID run(UUID connector, String state, Instant start, Duration took) {
    UUID id = UUID.randomUUID();
    jdbc.update(
        "INSERT INTO sync_run (id, connector_id, state, requested_at, started_at, finished_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        id,
        connector,
        state,
        start,
        start,
        took == null ? null : start.plus(took));
    return id;
  }

  private void stream(
      UUID run,
      String stream,
      long fetched,
      long stored,
      long rejected,
      long elementsFetched,
      long elementsStored,
      long elementsRejected) {
    jdbc.update(
        "INSERT INTO sync_run_stream (run_id, stream, fetched, stored, rejected, elements_fetched,"
            + " elements_stored, elements_rejected) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        run,
        stream,
        fetched,
        stored,
        rejected,
        elementsFetched,
        elementsStored,
        elementsRejected);
  }

  private static Labels typeAndState(String type, String state) {
    return Labels.of("connector_type", type, "state", state);
  }

  private static Labels connector(String name, String type) {
    return Labels.of("connector", name, "connector_type", type);
  }

  private static double value(MetricSnapshots scrape, String name) {
    return value(scrape, name, Labels.EMPTY);
  }

  private static double value(MetricSnapshots scrape, String name, Labels labels) {
    DataPointSnapshot point = point(scrape, name, labels);
    if (point instanceof GaugeDataPointSnapshot gauge) {
      return gauge.getValue();
    }
    return ((CounterDataPointSnapshot) point).getValue();
  }

  private static DataPointSnapshot point(MetricSnapshots scrape, String name, Labels labels) {
    List<? extends DataPointSnapshot> matching =
        points(scrape, name).stream().filter(p -> p.getLabels().equals(labels)).toList();
    assertThat(matching).as("%s%s", name, labels).hasSize(1);
    return matching.get(0);
  }

  private static List<? extends DataPointSnapshot> points(MetricSnapshots scrape, String name) {
    Optional<MetricSnapshot> metric =
        scrape.stream().filter(s -> s.getMetadata().getName().equals(name)).findFirst();
    assertThat(metric).as(name).isPresent();
    return metric.get().getDataPoints();
  }
}
