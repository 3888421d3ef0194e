package dev.sightline.server.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON (one array of objects) or NDJSON (one object per line), written as rows arrive: a generator,
 * never a tree of the whole export.
 */
final class JsonRows implements ExportFormat.RowWriter {
  private final OutputStream out;
  private final JsonMapper json;
  private final boolean lines;
  private final JsonGenerator array;
  private List<String> columns = List.of();

  JsonRows(OutputStream out, JsonMapper json, boolean lines) {
    this.out = out;
    this.json = json;
    this.lines = lines;
    this.array = lines ? null : json.createGenerator(out);
  }

  @Override
  public void header(List<String> columns) {
    this.columns = List.copyOf(columns);
    if (array != null) {
      array.writeStartArray();
    }
  }

  @Override
  public void row(List<Object> values) throws IOException {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      Object v = values.get(i);
      row.put(columns.get(i), v instanceof java.time.Instant t ? t.toString() : v);
    }
    if (lines) {
      out.write(json.writeValueAsBytes(row));
      out.write('\n');
    } else {
      json.writeValue(array, row);
    }
  }

  @Override
  public void finish() throws IOException {
    if (array != null) {
      array.writeEndArray();
      array.close();
    }
    out.flush();
  }
}
