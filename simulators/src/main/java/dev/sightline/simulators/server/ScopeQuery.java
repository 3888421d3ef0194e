package dev.sightline.simulators.server;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * What {@code GET /_sim/scope?since=…&sample=N} asks of the ground truth: the records a connector
 * with a fetch-from date of {@code since} should read, and, when {@code sample} is positive, the
 * seeds' sample of that many assets (most recently seen first, servers, workstations and domain
 * controllers) and their findings. Each simulator answers it from its tenant model, not through its
 * own API code, so a test compares a sync against an independent count.
 *
 * @param since a date ({@code 2026-05-01}, midnight UTC) or an instant; the epoch when absent
 * @param sample the sample size; 0 for no sample
 */
public record ScopeQuery(Instant since, int sample) {

  public ScopeQuery {
    if (since == null) {
      since = Instant.EPOCH;
    }
    if (sample < 0) {
      throw new IllegalArgumentException("sample must not be negative");
    }
  }

  /** Parses the control's query string; a bad value is an {@link IllegalArgumentException}. */
  static ScopeQuery parse(String rawQuery) {
    Map<String, List<String>> params = FormEncoding.decode(rawQuery);
    String since = params.getOrDefault("since", List.of("")).get(0).trim();
    String sample = params.getOrDefault("sample", List.of("0")).get(0).trim();
    int size;
    try {
      size = Integer.parseInt(sample);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("sample must be a whole number, not '" + sample + "'");
    }
    return new ScopeQuery(since.isEmpty() ? Instant.EPOCH : instant(since), size);
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException again) {
        throw new IllegalArgumentException(
            "since must be a date (2026-05-01) or an instant (2026-05-01T10:00:00Z), not '"
                + text
                + "'");
      }
    }
  }
}
