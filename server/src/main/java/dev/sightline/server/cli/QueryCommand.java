package dev.sightline.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code sightline query}: a query against a running server, for scripts (CSV, JSON, NDJSON
 * streamed from the export as it arrives) and for people (a table of the first rows and the total).
 * Public, with the environment injectable, so that end-to-end tests beside the test server can run
 * it in-process.
 */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = {
      "Search assets or findings on a running server with the query language (docs/query.md).",
      "The server: SIGHTLINE_URL (default "
          + QueryServer.DEFAULT_URL
          + "); the API token:"
          + " SIGHTLINE_TOKEN (required); for https with a private CA: SIGHTLINE_EXTRA_CA_FILE.",
      "csv, json and ndjson stream the server's export to standard output as it arrives (every"
          + " matching row, or the first --limit); table shows the first --limit rows (default"
          + " 50) and the total."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:done",
      "1:any other failure (see stderr)",
      "2:the query or an option was refused (stderr says where and why)",
      "3:the token is missing or was refused: check SIGHTLINE_TOKEN",
      "4:the server could not be reached: check SIGHTLINE_URL and that the server runs"
    })
public final class QueryCommand implements Callable<Integer> {
  private static final int DEFAULT_TABLE_ROWS = 50;

  @Spec CommandSpec spec;

  @Option(
      names = "--entity",
      defaultValue = "findings",
      paramLabel = "assets|findings",
      description = "what to search (default: ${DEFAULT-VALUE})")
  String entity;

  @Option(
      names = "--format",
      defaultValue = "table",
      paramLabel = "table|csv|json|ndjson",
      description = "how to print (default: ${DEFAULT-VALUE})")
  String format;

  @Option(
      names = "--sort",
      paramLabel = "TOKEN",
      description =
          "the table's order: a sortable token, descending with a leading - (-finding.qds);"
              + " exports come in id order")
  String sort;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "at most N rows (table: default 50, at most 10000; exports: every row)")
  Long limit;

  @Option(
      names = "--columns",
      split = ",",
      paramLabel = "NAME",
      description = "the columns, by their export names (e.g. id,hostName,cveId,qds)")
  List<String> columns;

  @Option(
      names = "--count-exact",
      description = "table: count every matching row for the total, however many")
  boolean countExact;

  @Parameters(
      arity = "0..*",
      paramLabel = "QUERY",
      description = "the query (quote it; several words are joined with spaces); none: everything")
  List<String> query;

  private final Map<String, String> env;
  private final JsonMapper json = JsonMapper.builder().build();

  public QueryCommand() {
    this(System.getenv());
  }

  /** For tests: the environment to read instead of the process's. */
  public QueryCommand(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      run(out);
      return 0;
    } catch (QueryFailure e) {
      out.flush();
      err.println("sightline query: " + redact(e.getMessage()));
      err.flush();
      return e.exitCode();
    } catch (RuntimeException e) {
      out.flush();
      err.println(
          "sightline query: unexpected failure ("
              + redact(e.getClass().getSimpleName() + ": " + e.getMessage())
              + ")");
      err.flush();
      return QueryFailure.OTHER;
    }
  }

  private void run(PrintWriter out) throws QueryFailure {
    QueriedEntity what =
        QueriedEntity.parse(entity)
            .orElseThrow(
                () ->
                    new QueryFailure(
                        QueryFailure.BAD_QUERY,
                        "--entity is '" + entity + "': use assets or findings"));
    QueryFormat as =
        QueryFormat.parse(format)
            .orElseThrow(
                () ->
                    new QueryFailure(
                        QueryFailure.BAD_QUERY,
                        "--format is '" + format + "': use table, csv, json or ndjson"));
    if (limit != null && limit < 1) {
      throw new QueryFailure(QueryFailure.BAD_QUERY, "--limit is " + limit + ": give 1 or more");
    }
    String q = query == null ? "" : String.join(" ", query);
    if (as == QueryFormat.TABLE) {
      List<TableColumn> shown = what.tableColumns(columns);
      if (limit != null && limit > QueryTable.MAX_ROWS) {
        throw new QueryFailure(
            QueryFailure.BAD_QUERY,
            "--limit is "
                + limit
                + ": a table shows at most "
                + QueryTable.MAX_ROWS
                + " rows; use --format csv (or json, ndjson) for more");
      }
      new QueryTable(QueryServer.fromEnvironment(env, json), what, shown)
          .print(
              q,
              Optional.ofNullable(sort).filter(s -> !s.isBlank()),
              limit == null ? DEFAULT_TABLE_ROWS : limit.intValue(),
              countExact,
              out);
      return;
    }
    if (sort != null) {
      throw new QueryFailure(
          QueryFailure.BAD_QUERY,
          "--sort orders a table only: an export (" + as.wire() + ") comes in id order");
    }
    if (countExact) {
      throw new QueryFailure(
          QueryFailure.BAD_QUERY, "--count-exact is for a table: an export has no total");
    }
    export(QueryServer.fromEnvironment(env, json), what, as, q, out);
  }

  private void export(
      QueryServer server, QueriedEntity what, QueryFormat as, String q, PrintWriter out)
      throws QueryFailure {
    StringBuilder path = new StringBuilder("api/v1/" + what.path() + "/export?format=" + as.wire());
    if (!q.isBlank()) {
      path.append("&q=").append(QueryTable.encode(q));
    }
    if (columns != null && !columns.isEmpty()) {
      path.append("&columns=").append(QueryTable.encode(String.join(",", columns)));
    }
    try (InputStream body = server.stream(path.toString());
        Reader in = new InputStreamReader(body, StandardCharsets.UTF_8)) {
      ExportCopy.copy(
          as, in, out, limit == null ? OptionalLong.empty() : OptionalLong.of(limit), json);
    } catch (ExportCopy.OutputClosed e) {
      throw new QueryFailure(
          QueryFailure.OTHER, "standard output is closed or full: the output is incomplete");
    } catch (IOException e) {
      QueryFailure broken = server.network(e);
      throw new QueryFailure(
          broken.exitCode(), broken.getMessage() + " (the output printed so far is incomplete)");
    } catch (tools.jackson.core.JacksonException e) {
      throw new QueryFailure(
          QueryFailure.OTHER,
          "the export from " + server.url() + " is not valid JSON: the output is incomplete");
    }
  }

  /** Cuts the token out of anything printed (an exception's text could, in principle, hold it). */
  private String redact(String text) {
    return QueryServer.redact(text, env.get("SIGHTLINE_TOKEN"));
  }
}
