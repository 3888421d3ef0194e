package dev.sightline.mapping;

import static dev.sightline.connector.RecordKind.FINDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A record missing a required value is rejected with its reason, and never stops the others. */
class RequiredFieldTest {

  private static final TransformMap MAP =
      Maps.withRows(
          String.join(
              ",",
              "{\"source\":\"id\",\"expression\":\"id\",\"target\":\"externalFindingId\",\"appliesTo\":\"FINDING\","
                  + "\"type\":\"STRING\",\"required\":true}",
              "{\"source\":\"CVE Base"
                  + " Score\",\"expression\":\"cve.base_score\",\"target\":\"cvssV2Base\","
                  + "\"appliesTo\":\"FINDING\",\"type\":\"DECIMAL\"}",
              "{\"source\":\"CVE Exploit"
                  + " Status\",\"expression\":\"cve.exploit_status\",\"target\":\"findingSeverity\","
                  + "\"appliesTo\":\"FINDING\",\"type\":\"INTEGER\",\"required\":true}",
              "{\"source\":\"Status\",\"expression\":\"status\",\"target\":\"findingStatus\","
                  + "\"appliesTo\":\"FINDING\",\"type\":\"STRING\"}"));

  @Test
  void shouldRejectARecordMissingARequiredValueAndSayWhyAndWhatToDo() {
    MappingResult result =
        MAP.apply(
            Maps.record(
                "{\"cve\":{\"exploit_status\":4},\"status\":\"open\",\"token\":\"s3cr3t\"}"),
            FINDING);

    assertThat(result.accepted()).isFalse();
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(MappingProblem.Kind.REQUIRED_MISSING);
              assertThat(p.target()).isEqualTo("externalFindingId");
              assertThat(p.expression()).isEqualTo("id");
              assertThat(p.message())
                  .contains("'externalFindingId'", "source 'id'", "rejected", "default")
                  .doesNotContain("s3cr3t", "open");
            });
    // The other values are still produced, so the platform can show what the record was.
    assertThat(result.record().string("findingStatus")).contains("open");
    assertThat(result.record().integer("findingSeverity")).contains(4L);
  }

  @Test
  void shouldRejectARequiredValueThatDoesNotConvertAndGiveTheReason() {
    MappingResult result =
        MAP.apply(
            Maps.record("{\"id\":\"f1\",\"cve\":{\"exploit_status\":\"actively used\"}}"), FINDING);

    assertThat(result.accepted()).isFalse();
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(MappingProblem.Kind.REQUIRED_MISSING);
              assertThat(p.message())
                  .contains(
                      "'findingSeverity'",
                      "'CVE Exploit Status'",
                      "\"actively used\" is not a whole number");
            });
  }

  @Test
  void shouldAcceptARecordWhoseOptionalValueFailsAndReportIt() {
    MappingResult result =
        MAP.apply(
            Maps.record("{\"id\":\"f1\",\"cve\":{\"exploit_status\":2,\"base_score\":\"high\"}}"),
            FINDING);

    assertThat(result.accepted()).isTrue();
    assertThat(result.record().decimal("cvssV2Base")).isEmpty();
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(MappingProblem.Kind.CONVERSION_FAILED);
              assertThat(p.message()).contains("'cvssV2Base'", "'CVE Base Score'", "left empty");
            });
  }

  @Test
  void shouldMapEveryRecordOfAPageWhateverTheBadOnesHold() {
    List<JsonNode> page =
        List.of(
            Maps.record("{\"id\":\"a\",\"cve\":{\"exploit_status\":4}}"),
            Maps.record("{\"cve\":{\"exploit_status\":4}}"),
            Maps.record("[1,2,3]"),
            Maps.record("\"just text\""),
            Maps.record("{\"id\":{\"nested\":true},\"cve\":[]}"),
            Maps.record("{\"id\":\"b\",\"cve\":{\"exploit_status\":3}}"));

    List<MappingResult> results = page.stream().map(r -> MAP.apply(r, FINDING)).toList();

    assertThat(results)
        .extracting(MappingResult::accepted)
        .containsExactly(true, false, false, false, false, true);
    assertThat(results.get(5).record().string("externalFindingId")).contains("b");
  }

  @Test
  void shouldTreatANullRecordAsOneWithNoValues() {
    MappingResult result = MAP.apply(null, FINDING);

    assertThat(result.accepted()).isFalse();
    assertThat(result.problems())
        .extracting(MappingProblem::target)
        .containsExactly("externalFindingId", "findingSeverity");
  }

  @Test
  void shouldTurnAJmesPathErrorAtRunTimeIntoAProblem() {
    TransformMap map =
        Maps.withRows(Maps.row("FINDING", "DECIMAL", "sourceRiskScore", "abs(score)", ""));

    assertThatCode(() -> map.apply(Maps.record("{\"score\":\"high\"}"), FINDING))
        .doesNotThrowAnyException();
    MappingResult result = map.apply(Maps.record("{\"score\":\"high\"}"), FINDING);

    assertThat(result.accepted()).isTrue();
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(MappingProblem.Kind.CONVERSION_FAILED);
              assertThat(p.message())
                  .contains("'sourceRiskScore'", "expression failed on this record");
            });
    assertThat(
            map.apply(Maps.record("{\"score\":-7.5}"), FINDING).record().decimal("sourceRiskScore"))
        .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("7.5"));
  }

  @Test
  void shouldNeverMissARequiredTargetThatHasADefault() {
    TransformMap map =
        Maps.withRows(
            Maps.row(
                "FINDING",
                "STRING",
                "findingStatus",
                "status",
                ",\"required\":true,\"default\":\"open\""));

    MappingResult result = map.apply(Maps.record("{}"), FINDING);

    assertThat(result.accepted()).isTrue();
    assertThat(result.record().string("findingStatus")).contains("open");
  }

  @Test
  void shouldShortenALongOffendingValueInTheMessage() {
    String longValue = "x".repeat(500);

    MappingResult result =
        MAP.apply(
            Maps.record("{\"id\":\"f\",\"cve\":{\"exploit_status\":\"" + longValue + "\"}}"),
            FINDING);

    assertThat(result.problems().get(0).message())
        .doesNotContain(longValue)
        .contains("x".repeat(60) + "…");
  }
}
