package dev.sightline.platform.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streaming readers on the real files in ../shared/data and on broken ones, without a DB. */
class IntelReadersTest {
  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void shouldReadEveryEntryOfTheRealKevCatalog() throws Exception {
    List<KevReader.Entry> entries = new ArrayList<>();
    KevReader.Catalog catalog;
    try (InputStream in = Files.newInputStream(SharedData.file(SharedData.KEV));
        var p = mapper.createParser(in)) {
      catalog = new KevReader(SharedData.KEV).read(p, entries::add);
    }
    assertThat(catalog.version()).isEqualTo("2025.08.25");
    assertThat(catalog.released()).isEqualTo(Instant.parse("2025-08-25T17:04:19.979600Z"));
    assertThat(catalog.entries()).isEqualTo(1404);
    assertThat(entries).hasSize(1404);
    assertThat(entries).filteredOn(KevReader.Entry::knownRansomware).hasSize(293);
    assertThat(entries.get(0))
        .isEqualTo(new KevReader.Entry("CVE-2025-48384", "2025-08-25", "2025-09-15", false));
  }

  @Test
  void shouldReadTheRealEpssSliceByItsColumnNames() throws Exception {
    List<EpssReader.Row> rows = new ArrayList<>();
    EpssReader reader;
    long count;
    try (InputStream in = Files.newInputStream(SharedData.file(SharedData.EPSS_SLICE))) {
      reader = new EpssReader(in, SharedData.EPSS_SLICE);
      assertThat(reader.header()).isEqualTo(new EpssReader.Header(null, null));
      count = reader.rows(rows::add);
    }
    assertThat(count).isEqualTo(1556);
    assertThat(rows).contains(new EpssReader.Row("CVE-2025-48384", "0.04109", "0.8998", "8.0"));
    assertThat(rows)
        .filteredOn(r -> r.cvss3() == null)
        .extracting(EpssReader.Row::cveId)
        .containsExactlyInAnyOrder(
            "CVE-2018-14634", "CVE-2025-6218", "CVE-2025-61932", "CVE-2023-50224");
  }

  @Test
  void shouldReadTheFirstModelVersionLine() throws Exception {
    EpssReader reader =
        new EpssReader(
            stream(
                """
        #model_version:v2025.03.14,score_date:2025-09-01T00:00:00+0000
        cve,epss,percentile
        CVE-2021-44228,0.94358,0.99957
        """),
            "epss.csv");
    EpssReader.Header header = reader.header();
    assertThat(header.modelVersion()).isEqualTo("v2025.03.14");
    assertThat(header.scoreDate()).isEqualTo(Instant.parse("2025-09-01T00:00:00Z"));
    List<EpssReader.Row> rows = new ArrayList<>();
    reader.rows(rows::add);
    assertThat(rows)
        .containsExactly(new EpssReader.Row("CVE-2021-44228", "0.94358", "0.99957", null));
  }

  @Test
  void shouldNameTheLineAndColumnOfABadEpssValue() {
    assertThatThrownBy(
            () ->
                readEpss(
                    """
        #model_version:v2025.03.14,score_date:2025-09-01T00:00:00Z
        cve,epss,percentile
        CVE-2021-44228,0.94358,0.99957
        CVE-2021-45046,1.5,0.99
        """))
        .isInstanceOf(IntelFileException.class)
        .hasMessageContaining("epss.csv, line 4, epss (CVE-2021-45046)")
        .hasMessageContaining("1.5 is outside 0..1")
        .hasMessageContaining("Nothing from this file was imported");
  }

  @Test
  void shouldRejectAnEpssFileWithoutItsColumns() {
    assertThatThrownBy(
            () ->
                readEpss(
                    """
        #model_version:v2025.03.14,score_date:2025-09-01T00:00:00Z
        id,score
        """))
        .isInstanceOf(IntelFileException.class)
        .hasMessageContaining("line 2, header")
        .hasMessageContaining("expected the columns cve, epss and percentile");
  }

  @Test
  void shouldRejectAnEpssRowWithABadCveId() {
    assertThatThrownBy(() -> readEpss("cve,epss,percentile\nCVE-21-1,0.1,0.2\n"))
        .isInstanceOf(IntelFileException.class)
        .hasMessageContaining("epss.csv, line 2, cve: 'CVE-21-1' is not a CVE id");
  }

  @Test
  void shouldRejectAShortEpssRow() {
    assertThatThrownBy(() -> readEpss("cve,epss,percentile\nCVE-2021-44228,0.1\n"))
        .isInstanceOf(IntelFileException.class)
        .hasMessageContaining("line 2: the row has 2 fields");
  }

  @Test
  void shouldNameTheEntryAndFieldOfABadKevDate() {
    String catalog =
        """
        {"catalogVersion": "2025.09.01", "dateReleased": "2025-09-01T10:00:00.000Z", "count": 2,
         "vulnerabilities": [
          {"cveID": "CVE-2021-44228", "dateAdded": "2021-12-10", "dueDate": "2021-12-24",
           "knownRansomwareCampaignUse": "Known"},
          {"cveID": "CVE-2021-45046", "dateAdded": "2021-13-01", "dueDate": "2021-12-24"}
         ]}
        """;
    assertThatThrownBy(() -> readKev(catalog))
        .isInstanceOf(IntelFileException.class)
        .hasMessageContaining("kev.json, line 5, vulnerabilities[1] (CVE-2021-45046).dateAdded")
        .hasMessageContaining("'2021-13-01' is not a date (YYYY-MM-DD)");
  }

  @Test
  void shouldRejectAKevCatalogWhoseCountDisagrees() {
    String catalog =
        """
        {"catalogVersion": "2025.09.01", "dateReleased": "2025-09-01T10:00:00.000Z", "count": 3,
         "vulnerabilities": [
          {"cveID": "CVE-2021-44228", "dateAdded": "2021-12-10", "dueDate": "2021-12-24"}
         ]}
        """;
    assertThatThrownBy(() -> readKev(catalog))
        .isInstanceOf(IntelFileException.class)
        .hasMessageContaining("says it holds 3 entries but has 1")
        .hasMessageContaining("re-download it");
  }

  @Test
  void shouldRejectAKevCatalogWithoutItsVersion() {
    assertThatThrownBy(() -> readKev("{\"vulnerabilities\": []}"))
        .isInstanceOf(IntelFileException.class)
        .hasMessageContaining("lacks catalogVersion");
  }

  @Test
  void shouldReadTheRealNvdRecord() throws Exception {
    List<NvdReader.Cve> rows = new ArrayList<>();
    NvdReader.Feed feed;
    try (InputStream in = Files.newInputStream(SharedData.file(SharedData.NVD_RECORD));
        var p = mapper.createParser(in)) {
      feed = new NvdReader(SharedData.NVD_RECORD).read(p, rows::add);
    }
    assertThat(feed.records()).isEqualTo(1);
    assertThat(feed.sourceDate()).isEqualTo(Instant.parse("2025-10-24T13:58:30.817Z"));
    assertThat(rows)
        .containsExactly(
            new NvdReader.Cve(
                "CVE-2025-48384",
                Instant.parse("2025-07-08T19:15:42.800Z"),
                Instant.parse("2025-10-24T13:58:30.817Z"),
                "8.0",
                "CVSS:3.1/AV:N/AC:H/PR:L/UI:R/S:C/C:H/I:H/A:H",
                null));
  }

  @Test
  void shouldPreferNvdsPrimaryScoreInAFeed() throws Exception {
    String feed =
        """
        {"resultsPerPage": 2, "startIndex": 0, "totalResults": 2, "format": "NVD_CVE",
         "version": "2.0", "timestamp": "2025-11-01T08:00:00.000",
         "vulnerabilities": [
          {"cve": {"id": "CVE-2021-44228", "published": "2021-12-10T10:15:09.143",
                   "lastModified": "2025-02-04T15:15:13.773",
                   "metrics": {"cvssMetricV31": [
                     {"source": "cna", "type": "Secondary",
                      "cvssData": {"baseScore": 9.0, "vectorString": "CVSS:3.1/AV:N/AC:H"}},
                     {"source": "nvd@nist.gov", "type": "Primary",
                      "cvssData": {"baseScore": 10.0, "vectorString": "CVSS:3.1/AV:N/AC:L"}}],
                    "cvssMetricV2": [{"type": "Primary", "cvssData": {"baseScore": 9.3}}]}}},
          {"cve": {"id": "CVE-2008-0166", "published": "2008-05-13T17:20:00.000",
                   "lastModified": "2024-11-21T00:41:00.000",
                   "metrics": {"cvssMetricV2": [{"type": "Primary", "cvssData": {"baseScore": 7.8}}]}}}
         ]}
        """;
    List<NvdReader.Cve> rows = new ArrayList<>();
    NvdReader.Feed read = new NvdReader("nvd.json").read(mapper.createParser(feed), rows::add);
    assertThat(read)
        .isEqualTo(new NvdReader.Feed("NVD_CVE 2.0", Instant.parse("2025-11-01T08:00:00Z"), 2));
    assertThat(rows.get(0).cvssV3Base()).isEqualTo("10.0");
    assertThat(rows.get(0).cvssV3Vector()).isEqualTo("CVSS:3.1/AV:N/AC:L");
    assertThat(rows.get(0).cvssV2Base()).isEqualTo("9.3");
    assertThat(rows.get(1).cvssV3Base()).isNull();
    assertThat(rows.get(1).cvssV2Base()).isEqualTo("7.8");
  }

  @Test
  void shouldRejectAnNvdScoreOutOfRange() {
    String record =
        """
        {"id": "CVE-2021-44228", "published": "2021-12-10T10:15:09.143",
         "lastModified": "2025-02-04T15:15:13.773",
         "metrics": {"cvssMetricV31": [{"type": "Primary", "cvssData": {"baseScore": 11.0}}]}}
        """;
    assertThatThrownBy(() -> new NvdReader("one.json").read(mapper.createParser(record), r -> {}))
        .isInstanceOf(IntelFileException.class)
        .hasMessageContaining("one.json, line 1, (CVE-2021-44228) metrics.cvssMetricV3x")
        .hasMessageContaining("11.0 is outside 0..10");
  }

  @Test
  void shouldSplitQuotedCsvFields() throws IOException {
    assertThat(CsvRecords.split("CVE-1,8.8,\"says \"\"hi\"\", twice\",,x"))
        .containsExactly("CVE-1", "8.8", "says \"hi\", twice", "", "x");
    CsvRecords records =
        new CsvRecords(
            new java.io.BufferedReader(
                new java.io.StringReader("a,\"line one\nline two\",c\nd,e,f\n")),
            "multi.csv");
    assertThat(records.next()).containsExactly("a", "line one\nline two", "c");
    assertThat(records.line()).isEqualTo(1);
    assertThat(records.next()).containsExactly("d", "e", "f");
    assertThat(records.line()).isEqualTo(3);
    assertThat(records.next()).isNull();
  }

  @Test
  void shouldReportAQuoteThatNeverCloses() {
    CsvRecords records =
        new CsvRecords(
            new java.io.BufferedReader(
                new java.io.StringReader("cve,epss,percentile\nCVE-1,\"0.1,0.2\n")),
            "open.csv");
    assertThatThrownBy(
            () -> {
              records.next();
              records.next();
            })
        .isInstanceOf(IntelFileException.class)
        .hasMessageContaining("open.csv, line 2")
        .hasMessageContaining("never closes");
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private static void readEpss(String text) throws IOException, SQLException {
    EpssReader reader = new EpssReader(stream(text), "epss.csv");
    reader.header();
    reader.rows(r -> {});
  }

  private void readKev(String text) throws IOException, SQLException {
    new KevReader("kev.json").read(mapper.createParser(text), e -> {});
  }
}
