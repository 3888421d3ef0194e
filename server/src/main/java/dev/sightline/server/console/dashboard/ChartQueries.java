package dev.sightline.server.console.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The query-language text behind each slice of a dashboard chart, and the console link that runs
 * it: a click on a bar opens the listing of exactly the rows the bar counts. The tokens are those
 * of the token catalogue (docs/query.md); a unit test parses and compiles every one of them.
 */
public final class ChartQueries {
  private ChartQueries() {}

  /** Findings of one severity (1–5), or without one. */
  public static String findingSeverity(String severity) {
    return severity == null ? "finding.severity is null" : "finding.severity:" + number(severity);
  }

  /** Findings in one lifecycle state. */
  public static String findingState(String state) {
    return "finding.state:" + word(state);
  }

  /** Findings any detection of which comes from the source (its exact name). */
  public static String findingSource(String source) {
    return "finding.source:" + exact(source);
  }

  /** Assets a source reports. */
  public static String assetSource(String source) {
    return "inventory:(source:" + exact(source) + ")";
  }

  /** Assets in one state (ACTIVE or STALE). */
  public static String assetState(String state) {
    return "asset.state:" + word(state);
  }

  /** Assets of one risk band, or not scored yet. */
  public static String assetRiskBand(String band) {
    return band == null ? "asset.riskBand is null" : "asset.riskBand:" + word(band);
  }

  /** Findings first found on the day (UTC). */
  public static String foundOn(LocalDate day) {
    return "finding.firstFound:" + day;
  }

  /** Findings fixed on the day (UTC). */
  public static String fixedOn(LocalDate day) {
    return "finding.fixedOn:" + day;
  }

  /** Findings first found on or after the day. */
  public static String foundSince(LocalDate day) {
    return "finding.firstFound >= " + day;
  }

  /** Findings fixed on or after the day. */
  public static String fixedSince(LocalDate day) {
    return "finding.fixedOn >= " + day;
  }

  /** Findings still open: new, active or reopened. */
  public static String openFindings() {
    return "finding.state:[NEW, ACTIVE, REOPENED]";
  }

  /** Scored assets (the riskiest first, with the sort the link gives). */
  public static String scoredAssets() {
    return "asset.riskScore not null";
  }

  /** The findings page running the query. */
  public static String findings(String q) {
    return "/findings?q=" + encode(q);
  }

  /** The assets page running the query. */
  public static String assets(String q) {
    return "/assets?q=" + encode(q);
  }

  /** The assets page running the query, in the given order. */
  public static String assets(String q, String sort) {
    return assets(q) + "&sort=" + encode(sort);
  }

  private static String encode(String text) {
    // %20 rather than '+': the same text whichever way a reader decodes it.
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A source name exactly as stored, letter case included, in backticks. */
  static String exact(String value) {
    return "`" + value.replace("\\", "\\\\").replace("`", "\\`") + "`";
  }

  /** An enumeration value: letters, digits and underscores only, as the database keeps them. */
  private static String word(String value) {
    if (!value.matches("[A-Za-z0-9_]+")) {
      throw new IllegalArgumentException("not an enumeration value: " + value);
    }
    return value;
  }

  private static String number(String value) {
    if (!value.matches("-?[0-9]+")) {
      throw new IllegalArgumentException("not a whole number: " + value);
    }
    return value;
  }
}
