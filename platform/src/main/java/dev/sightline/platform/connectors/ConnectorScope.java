package dev.sightline.platform.connectors;

import dev.sightline.connector.Sampling;
import dev.sightline.platform.errors.InvalidRequestException.Problem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a connector's runs fetch and how long what they fetched counts as current: the seeds' Fetch
 * From date (the earliest date of data to retrieve; 1970-01-01, everything, by default) and
 * Sampling Mode (the top 1,000 assets and their findings, {@link Sampling}), both applied by the
 * connector at its source; and the asset retention of the assets its records make up: an asset no
 * source has seen for {@code staleAfterDays} (30 by default) is stale and leaves the inventory's
 * totals, and one stale for {@code purgeStaleAfterDays} more is deleted with its findings (never,
 * by default). The retention rules are SQL functions (V13) the stale-asset sweep calls.
 *
 * @param purgeStaleAfterDays days a stale asset is kept; null keeps it
 */
public record ConnectorScope(
    Instant fetchFrom, boolean sampling, int staleAfterDays, Integer purgeStaleAfterDays) {

  /** The seeds' default Fetch From date, 01/01/1970: "retrieves all available historical data". */
  public static final Instant EVERYTHING = Instant.EPOCH;

  public static final int DEFAULT_STALE_AFTER_DAYS = 30;

  /** Ten years: the longest retention or purge period (the database checks the same range). */
  public static final int MAX_DAYS = 3650;

  public static final ConnectorScope DEFAULTS =
      new ConnectorScope(EVERYTHING, false, DEFAULT_STALE_AFTER_DAYS, null);

  public ConnectorScope {
    Objects.requireNonNull(fetchFrom, "fetchFrom");
    if (fetchFrom.isBefore(EVERYTHING)) {
      throw new IllegalArgumentException("fetchFrom must not be before 1970-01-01");
    }
    if (staleAfterDays < 1 || staleAfterDays > MAX_DAYS) {
      throw new IllegalArgumentException("staleAfterDays must be 1.." + MAX_DAYS);
    }
    if (purgeStaleAfterDays != null
        && (purgeStaleAfterDays < 1 || purgeStaleAfterDays > MAX_DAYS)) {
      throw new IllegalArgumentException("purgeStaleAfterDays must be 1.." + MAX_DAYS);
    }
  }

  /** The fetch-from date a run hands its connector; none for the default, everything. */
  public Optional<Instant> sourceFetchFrom() {
    return fetchFrom.isAfter(EVERYTHING) ? Optional.of(fetchFrom) : Optional.empty();
  }

  /** The sample a run asks its connector for; none unless Sampling Mode is on. */
  public Optional<Sampling> sourceSampling() {
    return sampling ? Optional.of(Sampling.seed()) : Optional.empty();
  }

  /**
   * The scope fields of a create request as received, each null when absent (then its default).
   *
   * @param fetchFrom a date, {@code 2026-05-01} (midnight UTC), or an ISO-8601 instant or date-time
   *     with an offset, {@code 2026-05-01T10:00:00Z}
   */
  public record Request(
      String fetchFrom, Boolean sampling, Integer staleAfterDays, Integer purgeStaleAfterDays) {

    public static Request defaults() {
      return new Request(null, null, null, null);
    }

    /**
     * The scope this request asks for; each problem is added to {@code problems} with the field it
     * concerns. {@code now} bounds the fetch-from date: a date to come would fetch nothing.
     */
    ConnectorScope validate(List<Problem> problems, Instant now) {
      Instant from = parseFetchFrom(problems, now);
      int stale = staleAfterDays == null ? DEFAULT_STALE_AFTER_DAYS : staleAfterDays;
      if (stale < 1 || stale > MAX_DAYS) {
        problems.add(
            new Problem(
                "staleAfterDays",
                "staleAfterDays is the asset retention in days: give 1.."
                    + MAX_DAYS
                    + " (default "
                    + DEFAULT_STALE_AFTER_DAYS
                    + "), not "
                    + stale));
        stale = DEFAULT_STALE_AFTER_DAYS;
      }
      Integer purge = purgeStaleAfterDays;
      if (purge != null && (purge < 1 || purge > MAX_DAYS)) {
        problems.add(
            new Problem(
                "purgeStaleAfterDays",
                "purgeStaleAfterDays is how many days a stale asset is kept before it is deleted"
                    + " with its findings: give 1.."
                    + MAX_DAYS
                    + ", or leave it out to keep stale assets, not "
                    + purge));
        purge = null;
      }
      return new ConnectorScope(from, Boolean.TRUE.equals(sampling), stale, purge);
    }

    private Instant parseFetchFrom(List<Problem> problems, Instant now) {
      if (fetchFrom == null || fetchFrom.isBlank()) {
        return EVERYTHING;
      }
      Optional<Instant> parsed = parse(fetchFrom.trim());
      if (parsed.isEmpty()) {
        problems.add(
            new Problem(
                "fetchFrom",
                "fetchFrom '"
                    + fetchFrom
                    + "' is not a date: write YYYY-MM-DD (e.g. 2026-01-31, midnight UTC) or an"
                    + " ISO-8601 instant (e.g. 2026-01-31T08:00:00Z)"));
        return EVERYTHING;
      }
      if (parsed.get().isBefore(EVERYTHING)) {
        problems.add(
            new Problem(
                "fetchFrom",
                "fetchFrom "
                    + fetchFrom
                    + " is before 1970-01-01, the earliest date (and the default: everything)"));
        return EVERYTHING;
      }
      if (parsed.get().isAfter(now)) {
        problems.add(
            new Problem(
                "fetchFrom",
                "fetchFrom "
                    + fetchFrom
                    + " is in the future, so nothing would be fetched: give a past date"));
        return EVERYTHING;
      }
      return parsed.get();
    }

    private static Optional<Instant> parse(String text) {
      try {
        return Optional.of(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
      } catch (DateTimeParseException notADate) {
        try {
          return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notADateTime) {
          return Optional.empty();
        }
      }
    }
  }
}
