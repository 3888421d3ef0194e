package dev.sightline.platform.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.db.PostgresExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Importing the real files of ../shared/data, and broken ones, on real PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class IntelImportIT {
  private static final Instant NOW = Instant.parse("2026-01-15T09:00:00Z");
  private static final String GIT_CVE = "CVE-2025-48384";

  private final Jdbc jdbc;
  private final IntelImporter importer;
  private final IntelLookup lookup;

  @TempDir Path dir;

  IntelImportIT(DataSource dataSource) {
    jdbc = new Jdbc(dataSource);
    importer = new IntelImporter(dataSource, Clock.fixed(NOW, ZoneOffset.UTC));
    lookup = new IntelLookup(dataSource);
  }

  @BeforeEach
  void empty() {
    jdbc.update("TRUNCATE cve_intel, intel_load");
  }

  @Test
  void shouldImportTheRealKevCatalog() throws Exception {
    IntelLoad load = importer.importFile(SharedData.file(SharedData.KEV));

    assertThat(load.source()).isEqualTo(IntelSource.KEV);
    assertThat(load.fileName()).isEqualTo(SharedData.KEV);
    assertThat(load.sha256()).isEqualTo(sha256(SharedData.file(SharedData.KEV)));
    assertThat(load.version()).isEqualTo("2025.08.25");
    assertThat(load.sourceDate()).isEqualTo(Instant.parse("2025-08-25T17:04:19.979600Z"));
    assertThat(
            List.of(
                load.records(), load.inserted(), load.updated(), load.unchanged(), load.removed()))
        .containsExactly(1404L, 1404L, 0L, 0L, 0L);
    assertThat(count("SELECT count(*) FROM cve_intel WHERE in_kev AND kev_ransomware = 'known'"))
        .isEqualTo(293);

    CveIntel git = lookup.forCves(List.of(GIT_CVE)).get(GIT_CVE);
    assertThat(git.inKev()).isTrue();
    assertThat(git.kevDateAdded()).isEqualTo(LocalDate.parse("2025-08-25"));
    assertThat(git.kevDueDate()).isEqualTo(LocalDate.parse("2025-09-15"));
    assertThat(git.kevKnownRansomware()).isFalse();
    assertThat(git.kevLoadId()).isEqualTo(load.id());
    assertThat(git.epssScore()).isNull();
    assertThat(git.updatedAt()).isEqualTo(NOW);
    assertThat(lookup.latestLoads()).containsExactly(load);
  }

  @Test
  void shouldJoinAllThreeRealFilesOnOneCve() {
    IntelLoad kev = importer.importFile(SharedData.file(SharedData.KEV));
    IntelLoad epss = importer.importFile(SharedData.file(SharedData.EPSS_SLICE));
    IntelLoad nvd = importer.importFile(SharedData.file(SharedData.NVD_RECORD));

    assertThat(epss.version()).isNull();
    assertThat(epss.sourceDate()).isNull();
    assertThat(epss.records()).isEqualTo(1556);
    // the slice lists KEV CVEs of 2026; the JSON is the catalog of 2025-08-25
    assertThat(epss.inserted() + epss.updated()).isEqualTo(1556);
    assertThat(epss.inserted()).isPositive();
    assertThat(nvd.version()).isEqualTo("NVD_CVE 2.0 record");
    assertThat(nvd.sourceDate()).isEqualTo(Instant.parse("2025-10-24T13:58:30.817Z"));
    assertThat(List.of(nvd.records(), nvd.inserted(), nvd.updated())).containsExactly(1L, 0L, 1L);

    CveIntel git = lookup.forCves(List.of(GIT_CVE)).get(GIT_CVE);
    assertThat(git)
        .isEqualTo(
            new CveIntel(
                GIT_CVE,
                true,
                LocalDate.parse("2025-08-25"),
                LocalDate.parse("2025-09-15"),
                false,
                kev.id(),
                0.04109,
                0.8998,
                null,
                epss.id(),
                8.0,
                "CVSS:3.1/AV:N/AC:H/PR:L/UI:R/S:C/C:H/I:H/A:H",
                null,
                Instant.parse("2025-07-08T19:15:42.800Z"),
                nvd.id(),
                NOW));
    assertThat(lookup.latestLoads())
        .extracting(IntelLoad::source)
        .containsExactlyInAnyOrder(IntelSource.KEV, IntelSource.EPSS, IntelSource.NVD);
  }

  @Test
  void shouldChangeNothingWhenTheSameFileComesAgain() {
    importer.importFile(SharedData.file(SharedData.KEV));
    importer.importFile(SharedData.file(SharedData.EPSS_SLICE));
    IntelLoad again = importer.importFile(SharedData.file(SharedData.KEV));
    IntelLoad epssAgain = importer.importFile(SharedData.file(SharedData.EPSS_SLICE));

    assertThat(List.of(again.inserted(), again.updated(), again.unchanged(), again.removed()))
        .containsExactly(0L, 0L, 1404L, 0L);
    assertThat(List.of(epssAgain.inserted(), epssAgain.updated(), epssAgain.unchanged()))
        .containsExactly(0L, 0L, 1556L);
    assertThat(lookup.recentLoads(10)).hasSize(4);
  }

  @Test
  void shouldDropCvesThatANewerCatalogNoLongerLists() throws IOException {
    importer.importFile(SharedData.file(SharedData.KEV));
    IntelLoad newer =
        importer.importFile(
            write(
                "kev-next.json",
                """
        {"catalogVersion": "2025.09.02", "dateReleased": "2025-09-02T12:00:00.000Z", "count": 2,
         "vulnerabilities": [
          {"cveID": "CVE-2025-48384", "dateAdded": "2025-08-25", "dueDate": "2025-09-15",
           "knownRansomwareCampaignUse": "Known"},
          {"cveID": "CVE-2099-0001", "dateAdded": "2025-09-02", "dueDate": "2025-09-23",
           "knownRansomwareCampaignUse": "Unknown"}
         ]}
        """));

    assertThat(List.of(newer.inserted(), newer.updated(), newer.removed()))
        .containsExactly(1L, 1L, 1403L);
    assertThat(count("SELECT count(*) FROM cve_intel WHERE in_kev")).isEqualTo(2);
    Map<String, CveIntel> intel = lookup.forCves(List.of(GIT_CVE, "CVE-2021-44228"));
    assertThat(intel.get(GIT_CVE).kevKnownRansomware()).isTrue();
    assertThat(intel.get("CVE-2021-44228").inKev()).isFalse();
    assertThat(intel.get("CVE-2021-44228").kevLoadId()).isEqualTo(newer.id());
  }

  @Test
  void shouldRefuseAnOlderKevCatalogAndKeepTheNewerOne() throws IOException {
    importer.importFile(SharedData.file(SharedData.KEV));
    Path older =
        write(
            "kev-old.json",
            """
        {"catalogVersion": "2024.01.02", "dateReleased": "2024-01-02T12:00:00.000Z", "count": 1,
         "vulnerabilities": [
          {"cveID": "CVE-2099-0002", "dateAdded": "2024-01-02", "dueDate": "2024-01-23"}]}
        """);

    assertThatThrownBy(() -> importer.importFile(older))
        .isInstanceOf(IntelFileException.class)
        .hasMessageContaining("kev-old.json: KEV catalog 2024.01.02")
        .hasMessageContaining("older than the catalog already loaded, 2025.08.25")
        .hasMessageContaining("Nothing from this file was imported");
    assertThat(count("SELECT count(*) FROM cve_intel WHERE in_kev")).isEqualTo(1404);
    assertThat(count("SELECT count(*) FROM intel_load")).isEqualTo(1);
  }

  @Test
  void shouldKeepNewerEpssScoresOverOlderOrUndatedOnes() throws IOException {
    IntelLoad september =
        importer.importFile(
            gzip(
                "epss-09.csv.gz",
                """
        #model_version:v2025.03.14,score_date:2025-09-01T00:00:00Z
        cve,epss,percentile
        CVE-2021-44228,0.94358,0.99957
        CVE-2025-48384,0.05000,0.91000
        """));
    IntelLoad august =
        importer.importFile(
            write(
                "epss-08.csv",
                """
        #model_version:v2025.03.14,score_date:2025-08-01T00:00:00+0000
        cve,epss,percentile
        CVE-2021-44228,0.90000,0.99000
        CVE-2019-0708,0.94000,0.99900
        """));
    IntelLoad slice = importer.importFile(SharedData.file(SharedData.EPSS_SLICE));

    assertThat(september.version()).isEqualTo("v2025.03.14");
    assertThat(september.sourceDate()).isEqualTo(Instant.parse("2025-09-01T00:00:00Z"));
    assertThat(List.of(august.inserted(), august.updated(), august.unchanged()))
        .containsExactly(1L, 0L, 1L);
    Map<String, CveIntel> intel =
        lookup.forCves(List.of("CVE-2021-44228", GIT_CVE, "CVE-2019-0708"));
    assertThat(intel.get("CVE-2021-44228").epssScore()).isEqualTo(0.94358);
    assertThat(intel.get("CVE-2021-44228").epssDate()).isEqualTo(LocalDate.parse("2025-09-01"));
    assertThat(intel.get("CVE-2021-44228").epssLoadId()).isEqualTo(september.id());
    // the undated slice fills what no dated file gave, and never overwrites a dated score
    assertThat(intel.get(GIT_CVE).epssScore()).isEqualTo(0.05);
    assertThat(intel.get(GIT_CVE).cvssV3Base()).isNull();
    assertThat(intel.get("CVE-2019-0708").epssScore()).isEqualTo(0.94);
    assertThat(slice.unchanged()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void shouldKeepANewerNvdRecordOverAnOlderOne() throws IOException {
    importer.importFile(SharedData.file(SharedData.NVD_RECORD));
    IntelLoad older =
        importer.importFile(
            write(
                "nvd-old.json",
                """
        {"format": "NVD_CVE", "version": "2.0", "timestamp": "2025-07-10T00:00:00.000",
         "vulnerabilities": [{"cve": {"id": "CVE-2025-48384",
           "published": "2025-07-08T19:15:42.800", "lastModified": "2025-07-09T00:00:00.000",
           "metrics": {"cvssMetricV31": [{"type": "Secondary",
             "cvssData": {"baseScore": 6.5, "vectorString": "CVSS:3.1/AV:N"}}]}}}]}
        """));

    assertThat(List.of(older.records(), older.inserted(), older.updated(), older.unchanged()))
        .containsExactly(1L, 0L, 0L, 1L);
    assertThat(lookup.forCves(List.of(GIT_CVE)).get(GIT_CVE).cvssV3Base()).isEqualTo(8.0);
  }

  @Test
  void shouldStoreNothingFromATruncatedFile() throws IOException {
    byte[] whole = Files.readAllBytes(SharedData.file(SharedData.KEV));
    Path truncated = dir.resolve("kev-truncated.json");
    Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));

    assertThatThrownBy(() -> importer.importFile(truncated))
        .isInstanceOf(IntelFileException.class)
        .hasMessageContaining("kev-truncated.json, line ")
        .hasMessageContaining("re-download it")
        .hasMessageContaining("Nothing from this file was imported");
    assertThat(count("SELECT count(*) FROM cve_intel")).isZero();
    assertThat(count("SELECT count(*) FROM intel_load")).isZero();
  }

  @Test
  void shouldStoreNothingWhenALateRowIsBad() throws IOException {
    StringBuilder csv = new StringBuilder("cve,epss,percentile\n");
    for (int i = 0; i < 2500; i++) {
      csv.append("CVE-2024-").append(10000 + i).append(",0.001,0.1\n");
    }
    csv.append("CVE-2024-99999,not-a-number,0.1\n");
    Path bad = write("epss-bad.csv", csv.toString());

    assertThatThrownBy(() -> importer.importFile(bad))
        .isInstanceOf(IntelFileException.class)
        .hasMessageContaining("epss-bad.csv, line 2502, epss (CVE-2024-99999)")
        .hasMessageContaining("'not-a-number' is not a number");
    assertThat(count("SELECT count(*) FROM cve_intel")).isZero();
    assertThat(count("SELECT count(*) FROM intel_load")).isZero();
  }

  @Test
  void shouldNameAMissingFile() {
    Path missing = dir.resolve("nope.json");
    assertThatThrownBy(() -> importer.importFile(missing))
        .isInstanceOf(IntelFileException.class)
        .hasMessageContaining("nope.json: no such file");
  }

  @Test
  void shouldMatchCveIdsAsPassed() {
    importer.importFile(SharedData.file(SharedData.KEV));
    Map<String, CveIntel> intel =
        lookup.forCves(List.of("cve-2025-48384", " CVE-2025-48384 ", "CVE-1999-0001", ""));
    assertThat(intel).containsOnlyKeys("cve-2025-48384", " CVE-2025-48384 ");
    assertThat(intel.get("cve-2025-48384").cveId()).isEqualTo(GIT_CVE);
  }

  private long count(String sql) {
    return jdbc.queryOne(sql, rs -> rs.getLong(1)).orElseThrow();
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private Path gzip(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
