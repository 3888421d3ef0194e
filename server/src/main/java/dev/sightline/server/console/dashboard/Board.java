package dev.sightline.server.console.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the dashboard shows, already counted, for the template to lay out. A part the role may not
 * read is absent (empty), not zero.
 */
public record Board(
    Optional<Totals> totals,
    List<Slot> charts,
    boolean trend,
    Optional<List<RiskyAsset>> riskiest,
    Optional<String> riskiestHref,
    Optional<List<ConnectorHealth>> connectors,
    boolean connectorLinks,
    boolean runLinks) {

  /**
   * A chart the role may see, counted on its own request ({@code /dashboard/charts/{id}}) so that
   * the page draws at once and each chart follows as its count comes.
   */
  public record Slot(String id, String title) {}

  /** Headline numbers, each a link to its listing; empty parts the role may not read. */
  public record Totals(
      Optional<Figure> assets, Optional<Figure> findings, Optional<Figure> openFindings) {}

  /** One headline number. */
  public record Figure(String label, long value, String href) {}

  /**
   * One chart: one bar per slice. {@code kind} is {@code bar} or {@code hbar} (horizontal, for long
   * labels); {@code unit} names what the bars count; {@code key} heads the table's first column.
   */
  public record Chart(
      String id,
      String title,
      String unit,
      String key,
      String kind,
      long total,
      String totalHref,
      List<Slice> slices,
      boolean truncated) {}

  /**
   * One bar: its label, count, the link to the rows it counts (null when no query selects exactly
   * them) and the CSS colour variable that paints it.
   */
  public record Slice(String label, long value, String href, String color) {}

  /** New and fixed findings per day, oldest first, every day of the span present. */
  public record Trend(
      LocalDate from, long found, String foundHref, long fixed, String fixedHref, List<Day> days) {}

  /** One day's new and fixed findings, each with its link. */
  public record Day(LocalDate day, long found, String foundHref, long fixed, String fixedHref) {}

  /** An asset among the riskiest. */
  public record RiskyAsset(
      long id, String name, Integer riskScore, String riskBand, long openFindings, String href) {}

  /** A connector and its latest run. */
  public record ConnectorHealth(
      UUID id,
      String name,
      String source,
      String state,
      boolean draft,
      Optional<LastRun> lastRun) {}

  /** A run as the health table shows it. */
  public record LastRun(
      UUID runId,
      String state,
      Instant requestedAt,
      Optional<Instant> finishedAt,
      Optional<Duration> took,
      long fetched,
      long stored,
      long rejected,
      Optional<String> error) {

    /** When the run ended, else when it was asked for. */
    public Instant when() {
      return finishedAt.orElse(requestedAt);
    }

    /** {@link #when()} as a person reads it, in UTC. */
    public String whenText() {
      return dev.sightline.server.console.Times.minute(when());
    }

    /** How long the run took, as every console page writes a duration. */
    public String tookText() {
      return took.map(dev.sightline.server.console.Times::duration).orElse("");
    }
  }
}
