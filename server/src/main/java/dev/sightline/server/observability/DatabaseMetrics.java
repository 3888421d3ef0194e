package dev.sightline.server.observability;

import dev.sightline.server.observability.DatabaseFigures.Snapshot;
import dev.sightline.server.observability.DatabaseFigures.StreamTotals;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * Sightline's figures kept in the database, read when Prometheus scrapes: runs by connector type
 * and state, their durations, each connector's last run, records fetched, stored and rejected per
 * connector and stream, the rescore queue. They are the cluster's figures, the same on every node
 * (aggregate them with {@code max}, not {@code sum}). The record counters are sums over the runs
 * kept, so they drop when a connector and its runs are deleted, which Prometheus reads as a reset.
 */
final class DatabaseMetrics implements MultiCollector, AutoCloseable {
  private final BoundedRead<Snapshot> figures;
  private final List<String> connectorTypes;
  private final List<String> runStates;
  private final List<String> connectorStates;

  /**
   * The types and states listed are shown with 0 when nothing is in them, so an alert on, say,
   * errored runs has a series before the first one errs.
   */
  DatabaseMetrics(
      BoundedRead<Snapshot> figures,
      List<String> connectorTypes,
      List<String> runStates,
      List<String> connectorStates) {
    this.figures = figures;
    this.connectorTypes = List.copyOf(connectorTypes);
    this.runStates = List.copyOf(runStates);
    this.connectorStates = List.copyOf(connectorStates);
  }

  @Override
  public MetricSnapshots collect() {
    BoundedRead.Result<Snapshot> read = figures.get();
    List<MetricSnapshot> out = new ArrayList<>();
    out.add(
        GaugeSnapshot.builder()
            .name("sightline_metrics_database_up")
            .help(
                "1 when the sightline_ figures read from the database are current, 0 when the"
                    + " database could not be read in time and the last figures read are shown")
            .dataPoint(gauge(read.fresh() ? 1 : 0, Labels.EMPTY))
            .build());
    read.value().ifPresent(snapshot -> addFigures(snapshot, out));
    return new MetricSnapshots(out);
  }

  private void addFigures(Snapshot s, List<MetricSnapshot> out) {
    Map<Labels, Double> runs = zeros(runStates);
    s.runs().forEach(r -> runs.put(typeAndState(r.connectorType(), r.state()), (double) r.runs()));
    out.add(gauges("sightline_runs", "Sync runs kept, by connector type and state", runs));

    Map<Labels, Double> connectors = zeros(connectorStates);
    s.connectors()
        .forEach(
            c ->
                connectors.put(
                    typeAndState(c.connectorType(), c.state()), (double) c.connectors()));
    out.add(gauges("sightline_connectors", "Connectors, by type and state", connectors));

    SummarySnapshot.Builder durations =
        SummarySnapshot.builder()
            .name("sightline_run_duration_seconds")
            .help("Time from start to end of the finished sync runs, by connector type and state");
    s.runs().stream()
        .filter(r -> r.timed() > 0)
        .forEach(
            r ->
                durations.dataPoint(
                    SummaryDataPointSnapshot.builder()
                        .count(r.timed())
                        .sum(r.timedSeconds())
                        .labels(typeAndState(r.connectorType(), r.state()))
                        .build()));
    out.add(durations.build());

    Map<Labels, Double> lastDuration = new TreeMap<>();
    Map<Labels, Double> lastSuccess = new TreeMap<>();
    s.lastRuns()
        .forEach(
            r -> {
              Labels labels = connector(r.connector(), r.connectorType());
              r.lastDurationSeconds().ifPresent(d -> lastDuration.put(labels, d));
              r.lastSuccessEpochSeconds().ifPresent(t -> lastSuccess.put(labels, t));
            });
    out.add(
        gauges(
            "sightline_run_last_duration_seconds",
            "Time from start to end of the connector's latest finished sync run",
            lastDuration));
    out.add(
        gauges(
            "sightline_run_last_success_timestamp_seconds",
            "When the connector's latest PROCESSED sync run ended (Unix time)",
            lastSuccess));

    out.add(records(s, "sightline_records_fetched", "fetched", StreamTotals::fetched));
    out.add(records(s, "sightline_records_stored", "stored", StreamTotals::stored));
    out.add(records(s, "sightline_records_rejected", "rejected", StreamTotals::rejected));
    out.add(
        elements(s, "sightline_record_elements_fetched", "fetched", StreamTotals::elementsFetched));
    out.add(
        elements(s, "sightline_record_elements_stored", "stored", StreamTotals::elementsStored));
    out.add(
        elements(
            s, "sightline_record_elements_rejected", "rejected", StreamTotals::elementsRejected));

    out.add(
        GaugeSnapshot.builder()
            .name("sightline_rescore_queue_depth")
            .help("Assets whose stored scores wait to be recomputed")
            .dataPoint(gauge(s.rescoreQueue(), Labels.EMPTY))
            .build());
  }

  private static CounterSnapshot records(
      Snapshot s, String name, String verb, ToLongFunction<StreamTotals> figure) {
    return counter(
        s, name, "Records " + verb + " by the connector's sync runs, per stream", figure);
  }

  private static CounterSnapshot elements(
      Snapshot s, String name, String verb, ToLongFunction<StreamTotals> figure) {
    return counter(
        s,
        name,
        "Findings carried inside records (an endpoint's CVE list) "
            + verb
            + " by the connector's sync runs, per stream",
        figure);
  }

  private static CounterSnapshot counter(
      Snapshot s, String name, String help, ToLongFunction<StreamTotals> figure) {
    CounterSnapshot.Builder counter = CounterSnapshot.builder().name(name).help(help);
    for (StreamTotals t : s.streams()) {
      counter.dataPoint(
          CounterDataPointSnapshot.builder()
              .value(figure.applyAsLong(t))
              .labels(
                  connector(t.connector(), t.connectorType())
                      .merge(Labels.of("stream", t.stream())))
              .build());
    }
    return counter.build();
  }

  @Override
  public void close() {
    figures.close();
  }

  private Map<Labels, Double> zeros(List<String> states) {
    Map<Labels, Double> values = new TreeMap<>();
    for (String type : connectorTypes) {
      for (String state : states) {
        values.put(typeAndState(type, state), 0.0);
      }
    }
    return values;
  }

  private static GaugeSnapshot gauges(String name, String help, Map<Labels, Double> values) {
    GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(help);
    values.forEach((labels, value) -> gauge.dataPoint(gauge(value, labels)));
    return gauge.build();
  }

  private static GaugeDataPointSnapshot gauge(double value, Labels labels) {
    return GaugeDataPointSnapshot.builder().value(value).labels(labels).build();
  }

  private static Labels typeAndState(String type, String state) {
    return Labels.of("connector_type", type, "state", state);
  }

  private static Labels connector(String name, String type) {
    return Labels.of("connector", name, "connector_type", type);
  }
}
