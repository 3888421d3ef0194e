package dev.sightline.server.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV, safe to open in a spreadsheet: a text cell that a spreadsheet would run as a
 * formula (starting with {@code = + - @}, a tab or a carriage return) gets a leading {@code '}, so
 * a host name planted as {@code =HYPERLINK(…)} by whoever named the machine stays text.
 */
final class CsvRows implements ExportFormat.RowWriter {
  private final Writer out;

  CsvRows(OutputStream stream) {
    this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
  }

  @Override
  public void header(List<String> columns) throws IOException {
    line(List.copyOf(columns));
  }

  @Override
  public void row(List<Object> values) throws IOException {
    line(values);
  }

  @Override
  public void finish() throws IOException {
    out.flush();
  }

  private void line(List<?> values) throws IOException {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(cell(values.get(i)));
    }
    out.write("\r\n");
  }

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number) {
      return value.toString();
    }
    String text = value.toString();
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.indexOf(',') >= 0
        || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
