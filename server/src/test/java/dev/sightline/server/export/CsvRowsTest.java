package dev.sightline.server.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A CSV cell is RFC 4180 and never a formula a spreadsheet would run. */
class CsvRowsTest {

  @Test
  void aCellAFormulaWouldStartWithIsKeptAsText() {
    assertThat(CsvRows.cell("=HYPERLINK(\"http://evil\",\"x\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");
    assertThat(CsvRows.cell("+cmd")).isEqualTo("'+cmd");
    assertThat(CsvRows.cell("-2+3")).isEqualTo("'-2+3");
    assertThat(CsvRows.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvRows.cell("\tx")).isEqualTo("'\tx");
    assertThat(CsvRows.cell("\rx")).isEqualTo("\"'\rx\"");
  }

  @Test
  void numbersStayNumbersAndPlainTextStaysPlain() {
    assertThat(CsvRows.cell(-5)).isEqualTo("-5");
    assertThat(CsvRows.cell(42L)).isEqualTo("42");
    assertThat(CsvRows.cell("web-01")).isEqualTo("web-01");
    assertThat(CsvRows.cell(null)).isEmpty();
  }

  @Test
  void separatorsQuotesAndLineBreaksAreQuoted() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CsvRows rows = new CsvRows(out);
    rows.header(List.of("id", "name"));
    rows.row(Arrays.asList(1, "a, \"b\"\nc"));
    rows.finish();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("id,name\r\n1,\"a, \"\"b\"\"\nc\"\r\n");
  }
}
