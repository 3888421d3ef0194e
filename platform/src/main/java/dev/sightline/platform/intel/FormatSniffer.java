package dev.sightline.platform.intel;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells the three formats apart by their content, never by the file name: users rename downloads.
 * Reads only as far as the first decisive field, so sniffing a 100 MB feed costs a few bytes.
 */
final class FormatSniffer {
  private static final String WHAT_WE_READ =
      "Sightline reads a CISA KEV catalog (JSON with"
          + " catalogVersion and vulnerabilities[].cveID), a FIRST EPSS CSV (an optional"
          + " #model_version:…,score_date:… line, then a cve,epss,percentile header) or NVD CVE API 2.0"
          + " JSON (vulnerabilities[].cve, or one CVE record)";

  private final JsonFactory json;

  FormatSniffer(JsonFactory json) {
    this.json = json;
  }

  IntelSource detect(Path file, String name) {
    try (IntelInput input = IntelInput.open(file)) {
      // gzip streams cannot reset; the buffer can, as far as any sane leading whitespace goes
      InputStream in = new BufferedInputStream(input.content(), 1 << 16);
      in.mark(1 << 16);
      int first = firstSignificant(in);
      in.reset();
      Optional<IntelSource> source = first == '{' ? sniffJson(in) : sniffCsv(in);
      return source.orElseThrow(
          () ->
              new IntelFileException(
                  name
                      + ": not a file Sightline can import. "
                      + WHAT_WE_READ
                      + "; check that you passed the"
                      + " right file. Nothing was imported."));
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new IntelFileException(
          name
              + ", line "
              + line
              + ": not valid JSON ("
              + e.getOriginalMessage()
              + "). Re-download the file; nothing was imported.",
          e);
    } catch (IOException e) {
      throw new IntelFileException(
          name
              + ": cannot be read ("
              + e.getMessage()
              + "). Check the path and its permissions; nothing was imported.",
          e);
    }
  }

  /** The first byte that is not whitespace or a UTF-8 byte-order mark; the caller resets. */
  private static int firstSignificant(InputStream in) throws IOException {
    int b;
    do {
      b = in.read();
    } while (b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == 0xEF || b == 0xBB
        || b == 0xBF);
    return b;
  }

  private Optional<IntelSource> sniffJson(InputStream in) throws IOException {
    try (JsonParser p = json.createParser(in)) {
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "catalogVersion", "dateReleased" -> {
            return Optional.of(IntelSource.KEV);
          }
          case "resultsPerPage", "totalResults" -> {
            return Optional.of(IntelSource.NVD);
          }
          case "format" -> {
            if (value == JsonToken.VALUE_STRING && p.getText().startsWith("NVD_CVE")) {
              return Optional.of(IntelSource.NVD);
            }
            p.skipChildren();
          }
          case "id" -> {
            // a single NVD CVE record (the layout of fkie-cad/nvd-json-data-feeds)
            if (value == JsonToken.VALUE_STRING && p.getText().startsWith("CVE-")) {
              return Optional.of(IntelSource.NVD);
            }
            p.skipChildren();
          }
          case "vulnerabilities" -> {
            Optional<IntelSource> byElement = firstElement(p);
            if (byElement.isPresent()) {
              return byElement;
            }
          }
          default -> p.skipChildren();
        }
      }
      return Optional.empty();
    }
  }

  /** KEV entries carry {@code cveID}; NVD wraps each record in {@code cve}. */
  private static Optional<IntelSource> firstElement(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY || p.nextToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return Optional.empty();
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      if (field.equals("cveID")) {
        return Optional.of(IntelSource.KEV);
      }
      if (field.equals("cve")) {
        return Optional.of(IntelSource.NVD);
      }
      p.nextToken();
      p.skipChildren();
    }
    return Optional.empty();
  }

  private static Optional<IntelSource> sniffCsv(InputStream in) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line = reader.readLine();
    if (line == null) {
      return Optional.empty();
    }
    String head = line.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
    if (head.startsWith("#model_version") || head.startsWith("#score_date")) {
      return Optional.of(IntelSource.EPSS);
    }
    // pre-2022 EPSS files and third-party slices start with the header itself
    return EpssReader.Columns.fromHeader(CsvRecords.split(head)).isPresent()
        ? Optional.of(IntelSource.EPSS)
        : Optional.empty();
  }
}
