package dev.sightline.server.export;

import dev.sightline.platform.export.ExportEntity;
import dev.sightline.platform.export.InventoryExport;
import dev.sightline.platform.query.QueryEntity;
import dev.sightline.platform.query.SqlFilter;
import dev.sightline.platform.search.InventorySearch;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every row a query selects, streamed as it is read (constant memory for millions of rows), in CSV,
 * JSON or NDJSON, with the columns asked for.
 */
@RestController
class ExportController {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final InventorySearch search;
  private final InventoryExport export;
  private final JsonMapper json;
  private final Clock clock;

  ExportController(InventorySearch search, InventoryExport export, JsonMapper json, Clock clock) {
    this.search = search;
    this.export = export;
    this.json = json;
    this.clock = clock;
  }

  @GetMapping("/api/v1/assets/export")
  void assets(
      @RequestParam Optional<String> q,
      @RequestParam(defaultValue = "csv") String format,
      @RequestParam Optional<String> columns,
      HttpServletResponse response)
      throws IOException {
    stream(QueryEntity.ASSETS, ExportEntity.ASSETS, "assets", q, format, columns, response);
  }

  @GetMapping("/api/v1/findings/export")
  void findings(
      @RequestParam Optional<String> q,
      @RequestParam(defaultValue = "csv") String format,
      @RequestParam Optional<String> columns,
      HttpServletResponse response)
      throws IOException {
    stream(QueryEntity.FINDINGS, ExportEntity.FINDINGS, "findings", q, format, columns, response);
  }

  private void stream(
      QueryEntity entity,
      ExportEntity rows,
      String name,
      Optional<String> q,
      String format,
      Optional<String> columns,
      HttpServletResponse response)
      throws IOException {
    ExportFormat as = ExportFormat.parse(format);
    // Everything that can refuse the request is checked before the first byte is sent.
    SqlFilter where = search.filter(entity, q);
    List<String> asked =
        columns.map(c -> Arrays.stream(c.split(",")).map(String::trim).toList()).orElse(List.of());
    rows.check(asked);
    response.setContentType(as.mediaType());
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\""
            + name
            + "-"
            + STAMP.format(clock.instant())
            + "."
            + as.extension()
            + "\"");
    ExportFormat.RowWriter writer = as.writer(response.getOutputStream(), json);
    export.export(rows, where.whereSql(), where.params(), asked, writer);
    writer.finish();
  }
}
