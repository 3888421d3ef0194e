package dev.sightline.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** An export copied to standard output, whole or cut after a number of rows. */
class ExportCopyTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void aCsvLimitCountsRecordsNotLinesSoAQuotedLineBreakStaysInItsCell() throws IOException {
    String csv =
        "id,name\r\n1,\"two\r\nlines, and a \"\"quote\"\"\"\r\n2,plain\r\n3,\"x\ny\"\r\n4,last\r\n";

    assertThat(copy(QueryFormat.CSV, csv, OptionalLong.of(2)))
        .isEqualTo("id,name\r\n1,\"two\r\nlines, and a \"\"quote\"\"\"\r\n2,plain\r\n");
    assertThat(copy(QueryFormat.CSV, csv, OptionalLong.of(3)))
        .isEqualTo(
            "id,name\r\n1,\"two\r\nlines, and a \"\"quote\"\"\"\r\n2,plain\r\n3,\"x\ny\"\r\n");
    assertThat(copy(QueryFormat.CSV, csv, OptionalLong.of(10))).isEqualTo(csv);
    assertThat(copy(QueryFormat.CSV, csv, OptionalLong.empty())).isEqualTo(csv);
  }

  @Test
  void anNdjsonLimitKeepsThatManyLines() throws IOException {
    String ndjson = "{\"id\":1}\n{\"id\":2}\n{\"id\":3}\n";

    assertThat(copy(QueryFormat.NDJSON, ndjson, OptionalLong.of(2)))
        .isEqualTo("{\"id\":1}\n{\"id\":2}\n");
    assertThat(copy(QueryFormat.NDJSON, ndjson, OptionalLong.empty())).isEqualTo(ndjson);
  }

  @Test
  void aJsonLimitStillPrintsOneValidArrayWithValuesAsSent() throws IOException {
    String json = "[{\"id\":1,\"epss\":0.10},{\"id\":2,\"n\":[1,{\"a\":null}]},{\"id\":3}]";

    String two = copy(QueryFormat.JSON, json, OptionalLong.of(2));

    assertThat(two.strip())
        .isEqualTo("[{\"id\":1,\"epss\":0.10},{\"id\":2,\"n\":[1,{\"a\":null}]}]");
    assertThat(JSON.readTree(two).size()).isEqualTo(2);
    assertThat(copy(QueryFormat.JSON, json, OptionalLong.of(5)).strip()).isEqualTo(json);
    assertThat(copy(QueryFormat.JSON, "[]", OptionalLong.of(5)).strip()).isEqualTo("[]");
  }

  @Test
  void aClosedStandardOutputStopsTheCopy() {
    PrintWriter closed = new PrintWriter(new StringWriter());
    closed.close();

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                ExportCopy.copy(
                    QueryFormat.NDJSON,
                    new StringReader("{}\n"),
                    closed,
                    OptionalLong.empty(),
                    JSON))
        .isInstanceOf(ExportCopy.OutputClosed.class);
  }

  private static String copy(QueryFormat format, String body, OptionalLong limit)
      throws IOException {
    StringWriter out = new StringWriter();
    ExportCopy.copy(format, new StringReader(body), new PrintWriter(out), limit, JSON);
    return out.toString();
  }
}
