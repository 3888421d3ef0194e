package dev.sightline.server.export;

import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.platform.export.InventoryExport;
import java.io.OutputStream;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;

/** The formats an export is written in, each with its media type and its row writer. */
enum ExportFormat {
  CSV("text/csv; charset=UTF-8", "csv"),
  JSON("application/json", "json"),
  NDJSON("application/x-ndjson", "ndjson");

  private final String mediaType;
  private final String extension;

  ExportFormat(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  String mediaType() {
    return mediaType;
  }

  String extension() {
    return extension;
  }

  static ExportFormat parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("format", "is '" + text + "': use csv, json or ndjson");
    }
  }

  /** A writer of rows to {@code out}; {@link RowWriter#finish} ends the document. */
  RowWriter writer(OutputStream out, JsonMapper json) {
    return switch (this) {
      case CSV -> new CsvRows(out);
      case JSON -> new JsonRows(out, json, false);
      case NDJSON -> new JsonRows(out, json, true);
    };
  }

  /** A sink that also knows how to end its document. */
  interface RowWriter extends InventoryExport.RowSink {
    void finish() throws java.io.IOException;
  }
}
