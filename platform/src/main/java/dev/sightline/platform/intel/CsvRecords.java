package dev.sightline.platform.intel;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records from a reader, one at a time: quoted fields may hold commas, doubled quotes and
 * line breaks (the EPSS slice quotes its descriptions). Keeps the line each record starts on so
 * problems can be reported where an editor shows them.
 */
final class CsvRecords {
  private final BufferedReader reader;
  private final String file;
  private long nextLine = 1;
  private long recordLine;

  CsvRecords(BufferedReader reader, String file) {
    this.reader = reader;
    this.file = file;
  }

  /** The line the last record returned by {@link #next} starts on (1-based). */
  long line() {
    return recordLine;
  }

  /** The next raw line, unparsed (for comment lines), or null at the end. */
  String nextRawLine() throws IOException {
    recordLine = nextLine;
    String line = reader.readLine();
    if (line != null) {
      nextLine++;
    }
    return line;
  }

  /** The next record's fields, or null at the end; a blank line is an empty list. */
  List<String> next() throws IOException {
    String line = nextRawLine();
    if (line == null) {
      return null;
    }
    if (line.isBlank()) {
      return List.of();
    }
    StringBuilder text = new StringBuilder(line);
    while (openQuote(text)) {
      String more = reader.readLine();
      if (more == null) {
        throw IntelValues.problem(
            new IntelValues.Place(file, recordLine, ""),
            "a quoted field opened here never closes (the file ends inside it)",
            "The file is truncated or not valid CSV: re-download it.");
      }
      nextLine++;
      text.append('\n').append(more);
    }
    return split(text.toString());
  }

  private static boolean openQuote(CharSequence text) {
    boolean open = false;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '"') {
        open = !open;
      }
    }
    return open;
  }

  /** Splits one complete record (no unbalanced quotes). */
  static List<String> split(String record) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < record.length(); i++) {
      char ch = record.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < record.length() && record.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(ch);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
