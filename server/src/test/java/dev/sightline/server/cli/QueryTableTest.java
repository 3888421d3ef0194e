package dev.sightline.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The table's cells: safe for a terminal, cut to width; its columns named as exports name them. */
class QueryTableTest {

  @Test
  void controlAndInvisibleCharactersCannotReachTheTerminal() {
    assertThat(QueryTable.printable("web\u001b[2J01\u202e\u200b\tx")).isEqualTo("web?[2J01???x");
    assertThat(QueryTable.printable("Zürich-東京")).isEqualTo("Zürich-東京");
  }

  @Test
  void aLongCellIsCutToItsWidthAndMarked() {
    assertThat(QueryTable.fit("abcdefghij", 10)).isEqualTo("abcdefghij");
    assertThat(QueryTable.fit("abcdefghijk", 10)).isEqualTo("abcdefg...");
  }

  @Test
  void columnsAreChosenByExportNameInAnyCaseAndUnknownOnesAreNamed() throws QueryFailure {
    assertThat(
            QueriedEntity.FINDINGS.tableColumns(List.of("ID", "hostname", "qds")).stream()
                .map(TableColumn::name))
        .containsExactly("id", "hostName", "qds");
    assertThat(QueriedEntity.ASSETS.tableColumns(null).stream().map(TableColumn::name))
        .containsExactly("id", "hostName", "type", "os", "riskScore", "riskBand");
    assertThatThrownBy(() -> QueriedEntity.ASSETS.tableColumns(List.of("id", "cveId")))
        .isInstanceOf(QueryFailure.class)
        .hasMessageContaining("[cveId]")
        .hasMessageContaining("riskBand");
  }
}
