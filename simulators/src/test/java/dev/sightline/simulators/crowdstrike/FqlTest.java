package dev.sightline.simulators.crowdstrike;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class FqlTest {
  record Row(
      String status,
      String severity,
      boolean kev,
      long updatedMillis,
      long closedMillis,
      double score) {}

  private static final FqlFields<Row> FIELDS =
      new FqlFields<Row>("rows")
          .string("status", Row::status)
          .string("cve.severity", Row::severity)
          .bool("cve.is_cisa_kev", Row::kev)
          .timestamp("updated_timestamp", Row::updatedMillis)
          .timestamp("closed_timestamp", Row::closedMillis)
          .number("cve.base_score", Row::score)
          .notSimulated("host_info.tags");
  private static final Instant NOW = Instant.parse("2023-09-27T13:54:42Z");
  private static final Row OPEN_HIGH =
      new Row(
          "open",
          "HIGH",
          true,
          Instant.parse("2023-09-26T16:04:24Z").toEpochMilli(),
          FqlFields.MISSING,
          7.8);
  private static final Row CLOSED_LOW =
      new Row(
          "closed",
          "LOW",
          false,
          Instant.parse("2023-05-19T21:04:49Z").toEpochMilli(),
          Instant.parse("2023-05-19T21:04:49Z").toEpochMilli(),
          3.3);

  private static Predicate<Row> compile(String filter) {
    return FIELDS.compile(filter, NOW).predicate();
  }

  @Test
  void shouldEvaluateTheRecordedJupiterOneFilter() {
    Predicate<Row> p =
        compile(
            "updated_timestamp:>'2023-09-17T13:54:41.102Z'+status:!'closed'+cve.severity:['CRITICAL','HIGH']");

    assertThat(p.test(OPEN_HIGH)).isTrue();
    assertThat(p.test(CLOSED_LOW)).isFalse();
  }

  @Test
  void shouldSupportQuotesBooleansOrAndParentheses() {
    assertThat(compile("status:\"closed\"").test(CLOSED_LOW)).isTrue();
    assertThat(compile("cve.is_cisa_kev:true").test(OPEN_HIGH)).isTrue();
    assertThat(compile("status:'closed',cve.is_cisa_kev:true").test(OPEN_HIGH)).isTrue();
    assertThat(compile("(status:'closed',status:'open')+cve.severity:'LOW'").test(OPEN_HIGH))
        .isFalse();
    assertThat(compile("status:!['open','reopen']").test(CLOSED_LOW)).isTrue();
    assertThat(compile("cve.base_score:>=7.8").test(OPEN_HIGH)).isTrue();
    assertThat(compile("updated_timestamp:>'now-7d'").test(OPEN_HIGH)).isTrue();
    assertThat(compile("updated_timestamp:<='2023-05-19'").test(CLOSED_LOW)).isFalse();
  }

  @Test
  void shouldNeverMatchMissingTimestampsInRanges() {
    assertThat(compile("closed_timestamp:<'2030-01-01T00:00:00Z'").test(OPEN_HIGH)).isFalse();
    assertThat(compile("closed_timestamp:<'2030-01-01T00:00:00Z'").test(CLOSED_LOW)).isTrue();
  }

  @Test
  void shouldDeriveTimeBoundsFromTopLevelConditions() {
    FqlFields.Compiled<Row> compiled =
        FIELDS.compile(
            "updated_timestamp:>'2023-01-01T00:00:00Z'+updated_timestamp:<='2023-02-01T00:00:00Z'+status:'open'",
            NOW);
    FqlFields.Compiled<Row> either =
        FIELDS.compile("updated_timestamp:>'2023-01-01T00:00:00Z',status:'open'", NOW);

    assertThat(compiled.range("updated_timestamp"))
        .isEqualTo(
            new FqlFields.TimeRange(
                Instant.parse("2023-01-01T00:00:00Z").toEpochMilli() + 1,
                Instant.parse("2023-02-01T00:00:00Z").toEpochMilli()));
    assertThat(either.range("updated_timestamp")).isEqualTo(FqlFields.TimeRange.ALL);
  }

  @Test
  void shouldRefuseWhatTheApiRefuses() {
    assertThatThrownBy(() -> compile("")).hasMessageContaining("required");
    assertThatThrownBy(() -> compile("*")).hasMessageContaining("wildcards");
    assertThatThrownBy(() -> compile("status:'op*'")).hasMessageContaining("wildcards");
    assertThatThrownBy(() -> compile("status:''")).hasMessageContaining("empty");
    assertThatThrownBy(() -> compile("hostname:'x'"))
        .hasMessageContaining("unknown field 'hostname'")
        .hasMessageContaining("cve.severity");
    assertThatThrownBy(() -> compile("host_info.tags:'x'"))
        .hasMessageContaining("not supported by the Sightline");
    assertThatThrownBy(() -> compile("status:'open' cve.severity:'HIGH'"))
        .hasMessageContaining("%2B");
    assertThatThrownBy(() -> compile("status:['open'")).hasMessageContaining("']'");
    assertThatThrownBy(() -> compile("updated_timestamp:>['2023-01-01']"))
        .hasMessageContaining("range");
  }
}
