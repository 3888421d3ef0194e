package dev.sightline.platform.intel;

import dev.sightline.platform.intel.IntelValues.Place;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Streams a FIRST EPSS CSV: {@code #model_version:v2025.03.14,score_date:2025-06-01T00:00:00Z},
 * then {@code cve,epss,percentile}, then one line per CVE. Also reads files without the comment
 * line (FIRST before 2022) and slices that add columns, such as {@code ../shared/data}'s {@code
 * CVE,CVSS3,EPSS,EPSS Percentile,…}; columns are found by header name.
 */
final class EpssReader {
  /** One CVE's scores as canonical decimal text; {@code cvss3} is null when the file has none. */
  record Row(String cveId, String score, String percentile, String cvss3) {}

  /** What the comment line says; both null when the file has none. */
  record Header(String modelVersion, Instant scoreDate) {
    LocalDate scoreDay() {
      return scoreDate == null ? null : LocalDate.ofInstant(scoreDate, ZoneOffset.UTC);
    }
  }

  /** Where the wanted columns are; {@code cvss3} is -1 when absent. */
  record Columns(int cve, int epss, int percentile, int cvss3) {
    static Optional<Columns> fromHeader(List<String> names) {
      int cve = -1;
      int epss = -1;
      int percentile = -1;
      int cvss3 = -1;
      for (int i = 0; i < names.size(); i++) {
        switch (names.get(i).trim().toLowerCase(Locale.ROOT)) {
          case "cve" -> cve = i;
          case "epss" -> epss = i;
          case "percentile", "epss percentile" -> percentile = i;
          case "cvss3" -> cvss3 = i;
          default -> {}
        }
      }
      return cve < 0 || epss < 0 || percentile < 0
          ? Optional.empty()
          : Optional.of(new Columns(cve, epss, percentile, cvss3));
    }

    int width() {
      return Math.max(Math.max(cve, epss), Math.max(percentile, cvss3)) + 1;
    }
  }

  private final CsvRecords csv;
  private final String file;
  private Header header;
  private Columns columns;

  EpssReader(InputStream in, String file) {
    this.csv =
        new CsvRecords(
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16), file);
    this.file = file;
  }

  /** Reads the comment line (if any) and the column header; call once, before {@link #rows}. */
  Header header() throws IOException {
    String first = csv.nextRawLine();
    if (first == null) {
      throw IntelValues.problem(
          new Place(file, 1, ""),
          "the file is empty",
          "Pass an EPSS CSV (epss_scores-YYYY-MM-DD.csv from FIRST).");
    }
    first = first.replace("\uFEFF", "");
    List<String> names;
    if (first.startsWith("#")) {
      header = comment(first.substring(1));
      List<String> next = csv.next();
      names = next == null ? List.of() : next;
    } else {
      header = new Header(null, null);
      names = CsvRecords.split(first);
    }
    List<String> found = names;
    columns =
        Columns.fromHeader(found)
            .orElseThrow(
                () ->
                    IntelValues.problem(
                        new Place(file, csv.line(), "header"),
                        "expected the columns cve, epss and percentile but found " + found,
                        "Pass the CSV as FIRST publishes it (the #model_version line, then cve,epss,percentile)."));
    return header;
  }

  private Header comment(String text) {
    String version = null;
    Instant scoreDate = null;
    for (String pair : text.split(",")) {
      int colon = pair.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = pair.substring(0, colon).trim();
      String value = pair.substring(colon + 1).trim();
      if (key.equals("model_version")) {
        version = value;
      } else if (key.equals("score_date")) {
        scoreDate = IntelValues.instant(new Place(file, 1, "score_date"), value);
      }
    }
    return new Header(version, scoreDate);
  }

  /** Streams every data row to the sink; returns how many there were. */
  long rows(RowSink<Row> sink) throws IOException, SQLException {
    long count = 0;
    for (List<String> fields = csv.next(); fields != null; fields = csv.next()) {
      if (fields.isEmpty()) {
        continue;
      }
      sink.accept(row(fields, csv.line()));
      count++;
    }
    return count;
  }

  private Row row(List<String> fields, long line) {
    if (fields.size() < columns.width()) {
      throw IntelValues.problem(
          new Place(file, line, ""),
          "the row has "
              + fields.size()
              + " fields where the header names at least "
              + columns.width(),
          "The file is truncated or edited: re-download it.");
    }
    String cve = IntelValues.cveId(new Place(file, line, "cve"), fields.get(columns.cve()));
    String score =
        IntelValues.decimal(
            new Place(file, line, "epss (" + cve + ")"), fields.get(columns.epss()), 0, 1);
    String percentile =
        IntelValues.decimal(
            new Place(file, line, "percentile (" + cve + ")"),
            fields.get(columns.percentile()),
            0,
            1);
    String cvss = null;
    if (columns.cvss3() >= 0 && !fields.get(columns.cvss3()).isBlank()) {
      cvss =
          IntelValues.decimal(
              new Place(file, line, "CVSS3 (" + cve + ")"), fields.get(columns.cvss3()), 0, 10);
    }
    return new Row(cve, score, percentile, cvss);
  }
}
