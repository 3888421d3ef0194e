package dev.sightline.platform.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Formats are told apart by content, whatever the file is called. */
class FormatSnifferTest {
  private final FormatSniffer sniffer = new FormatSniffer(new JsonFactory());

  @TempDir Path dir;

  @Test
  void shouldRecogniseTheRealFiles() {
    assertThat(detect(SharedData.file(SharedData.KEV))).isEqualTo(IntelSource.KEV);
    assertThat(detect(SharedData.file(SharedData.EPSS_SLICE))).isEqualTo(IntelSource.EPSS);
    assertThat(detect(SharedData.file(SharedData.NVD_RECORD))).isEqualTo(IntelSource.NVD);
  }

  @Test
  void shouldRecogniseRenamedAndGzippedFiles() throws IOException {
    Path renamed = dir.resolve("download (3)");
    Files.copy(SharedData.file(SharedData.KEV), renamed);
    assertThat(detect(renamed)).isEqualTo(IntelSource.KEV);

    Path gz = dir.resolve("epss_scores-2025-09-01.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(
          "#model_version:v2025.03.14,score_date:2025-09-01T00:00:00Z\ncve,epss,percentile\n"
              .getBytes(StandardCharsets.UTF_8));
    }
    assertThat(detect(gz)).isEqualTo(IntelSource.EPSS);
  }

  @Test
  void shouldRecogniseKevAndNvdByTheirFirstElementAlone() throws IOException {
    assertThat(detect(write("a.json", "{\"vulnerabilities\": [{\"cveID\": \"CVE-2021-44228\"}]}")))
        .isEqualTo(IntelSource.KEV);
    assertThat(detect(write("b.json", "{\"vulnerabilities\": [{\"cve\": {\"id\": \"CVE-1\"}}]}")))
        .isEqualTo(IntelSource.NVD);
    assertThat(detect(write("c.json", "\uFEFF  {\"format\": \"NVD_CVE\"}")))
        .isEqualTo(IntelSource.NVD);
  }

  @Test
  void shouldExplainWhatItReadsWhenTheFormatIsUnknown() throws IOException {
    Path sbom = write("bom.json", "{\"bomFormat\": \"CycloneDX\", \"components\": []}");
    assertThatThrownBy(() -> detect(sbom))
        .isInstanceOf(IntelFileException.class)
        .hasMessageStartingWith("bom.json: not a file Sightline can import")
        .hasMessageContaining("CISA KEV catalog")
        .hasMessageContaining("EPSS CSV")
        .hasMessageContaining("NVD CVE API 2.0");
    Path text = write("notes.txt", "hello\n");
    assertThatThrownBy(() -> detect(text))
        .isInstanceOf(IntelFileException.class)
        .hasMessageContaining("notes.txt: not a file Sightline can import");
  }

  @Test
  void shouldReportBrokenJsonWithItsLine() throws IOException {
    Path broken = write("kev.json", "{\n \"title\": \"x\",\n \"count\": ]\n}");
    assertThatThrownBy(() -> detect(broken))
        .isInstanceOf(IntelFileException.class)
        .hasMessageContaining("kev.json, line 3: not valid JSON");
  }

  private IntelSource detect(Path file) {
    return sniffer.detect(file, file.getFileName().toString());
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }
}
