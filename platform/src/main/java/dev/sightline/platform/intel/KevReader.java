package dev.sightline.platform.intel;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.platform.intel.IntelValues.Place;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Streams the CISA KEV catalog ({@code known_exploited_vulnerabilities.json}): top-level {@code
 * catalogVersion, dateReleased, count, vulnerabilities[]}. Only one entry is held at a time.
 */
final class KevReader {
  /** One catalog entry, checked. */
  record Entry(String cveId, String dateAdded, String dueDate, boolean knownRansomware) {}

  /** The catalog's own facts, known once the whole file is read. */
  record Catalog(String version, Instant released, long entries) {}

  private final String file;

  KevReader(String file) {
    this.file = file;
  }

  Catalog read(JsonParser p, RowSink<Entry> sink) throws IOException, SQLException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw problem(p, "", "the catalog is not a JSON object");
    }
    String version = null;
    Instant released = null;
    Long count = null;
    long entries = -1;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "catalogVersion" -> version = p.getValueAsString();
        case "dateReleased" ->
            released = IntelValues.instant(place(p, "dateReleased"), p.getValueAsString());
        case "count" -> count = p.currentToken().isNumeric() ? p.getLongValue() : null;
        case "vulnerabilities" -> entries = entries(p, sink);
        default -> p.skipChildren();
      }
    }
    if (version == null || released == null || entries < 0) {
      throw IntelValues.problem(
          new Place(file, p.currentLocation().getLineNr(), ""),
          "the catalog lacks "
              + (version == null
                  ? "catalogVersion"
                  : released == null ? "dateReleased" : "vulnerabilities[]"),
          "Pass the complete known_exploited_vulnerabilities.json as CISA publishes it.");
    }
    if (count != null && count != entries) {
      throw IntelValues.problem(
          new Place(file, p.currentLocation().getLineNr(), "count"),
          "the catalog says it holds " + count + " entries but has " + entries,
          "The file is truncated or edited: re-download it.");
    }
    return new Catalog(version, released, entries);
  }

  private long entries(JsonParser p, RowSink<Entry> sink) throws IOException, SQLException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw problem(p, "vulnerabilities", "expected an array of entries");
    }
    long index = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      long line = p.currentTokenLocation().getLineNr();
      JsonNode node = p.readValueAsTree();
      sink.accept(entry(node, line, "vulnerabilities[" + index + "]"));
      index++;
    }
    return index;
  }

  private Entry entry(JsonNode node, long line, String path) {
    if (node == null || !node.isObject()) {
      throw IntelValues.problem(
          new Place(file, line, path),
          "an entry is not a JSON object",
          "Re-download the catalog from CISA.");
    }
    String cve = IntelValues.cveId(new Place(file, line, path + ".cveID"), text(node, "cveID"));
    String where = path + " (" + cve + ")";
    String added =
        IntelValues.date(new Place(file, line, where + ".dateAdded"), text(node, "dateAdded"))
            .toString();
    String due =
        IntelValues.date(new Place(file, line, where + ".dueDate"), text(node, "dueDate"))
            .toString();
    // CISA documents "Known" or "Unknown"; anything else is not a confirmation of ransomware use
    boolean ransomware = "Known".equalsIgnoreCase(text(node, "knownRansomwareCampaignUse"));
    return new Entry(cve, added, due, ransomware);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private Place place(JsonParser p, String field) {
    return new Place(file, p.currentTokenLocation().getLineNr(), field);
  }

  private IntelFileException problem(JsonParser p, String field, String what) {
    return IntelValues.problem(
        place(p, field), what, "Pass known_exploited_vulnerabilities.json as CISA publishes it.");
  }
}
