package dev.sightline.server.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.OptionalLong;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Copies an export from the server to standard output as it arrives, through one small buffer
 * (constant memory however many rows), stopping after a number of rows when asked: CSV counts
 * records (a quoted cell may hold a line break), NDJSON lines, JSON the array's elements (read and
 * written again as a stream, so the output stays one valid array).
 */
final class ExportCopy {
  private static final int BUFFER = 1 << 16;

  private ExportCopy() {}

  /** Thrown when standard output cannot take more (closed, as by {@code head}, or full). */
  static final class OutputClosed extends IOException {
    OutputClosed() {
      super("standard output is closed or full", null);
    }
  }

  /** Copies the export in {@code format}, all of it or its first {@code limit} rows. */
  static void copy(QueryFormat format, Reader in, Writer out, OptionalLong limit, JsonMapper json)
      throws IOException {
    if (limit.isEmpty()) {
      copyRecords(in, out, Long.MAX_VALUE, false);
      return;
    }
    switch (format) {
      case CSV -> copyRecords(in, out, limit.getAsLong() + 1, true); // the header, then the rows
      case NDJSON -> copyRecords(in, out, limit.getAsLong(), false);
      case JSON -> copyJsonElements(in, out, limit.getAsLong(), json);
      case TABLE -> throw new IllegalArgumentException("a table is not an export");
    }
  }

  /**
   * Copies up to {@code max} line-ended records; a line break inside double quotes belongs to its
   * CSV cell when {@code quoted}.
   */
  private static long copyRecords(Reader in, Writer out, long max, boolean quoted)
      throws IOException {
    char[] buffer = new char[BUFFER];
    long records = 0;
    boolean inQuotes = false;
    int n;
    while (records < max && (n = in.read(buffer)) > 0) {
      int end = n;
      for (int i = 0; i < n; i++) {
        char c = buffer[i];
        if (quoted && c == '"') {
          inQuotes = !inQuotes;
        } else if (c == '\n' && !inQuotes) {
          records++;
          if (records == max) {
            end = i + 1;
            break;
          }
        }
      }
      out.write(buffer, 0, end);
      flush(out);
    }
    return records;
  }

  private static long copyJsonElements(Reader in, Writer out, long max, JsonMapper json)
      throws IOException {
    long copied = 0;
    try (JsonParser parser = json.createParser(in);
        JsonGenerator generator = json.createGenerator(new NonClosing(out))) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new IOException("the export is not a JSON array");
      }
      generator.writeStartArray();
      while (copied < max && parser.nextToken() != JsonToken.END_ARRAY) {
        generator.copyCurrentStructureExact(parser);
        copied++;
        if (copied % 1000 == 0) {
          generator.flush();
          flush(out);
        }
      }
      generator.writeEndArray();
    }
    out.write(System.lineSeparator());
    flush(out);
    return copied;
  }

  private static void flush(Writer out) throws IOException {
    out.flush();
    if (out instanceof java.io.PrintWriter print && print.checkError()) {
      throw new OutputClosed();
    }
  }

  /** Lets the generator be closed (ending its document) without closing standard output. */
  private static final class NonClosing extends java.io.FilterWriter {
    NonClosing(Writer out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
