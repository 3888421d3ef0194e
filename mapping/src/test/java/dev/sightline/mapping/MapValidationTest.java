package dev.sightline.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sightline.connector.RecordKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A map is checked in full on load and save, and every problem is listed at once. */
class MapValidationTest {

  private static List<String> problemsOf(String json) {
    MapValidationException e =
        catchThrowableOfType(MapValidationException.class, () -> Maps.parse(json));
    assertThat(e).as("expected the map to be refused").isNotNull();
    return e.problems();
  }

  @Test
  void shouldListEveryProblemOfAMapAtOnce() {
    List<String> problems =
        problemsOf(
            """
            {"name":"Broken","fields":[
              {"source":"CVE Id","expression":"cve..id","target":"cveId","appliesTo":"FINDING","type":"STRING"},
              {"source":"CVE Id","expression":"cve.id","target":"cveNumber","appliesTo":"FINDING","type":"STRING"},
              {"source":"Score","expression":"cve.base_score","target":"cvssV2Base","appliesTo":"FINDING","type":"FLOAT"},
              {"source":"Status","expression":"status","target":"findingStatus","appliesTo":"FINDING","type":"STRING"},
              {"source":"State","expression":"state","target":"findingStatus","appliesTo":"FINDING","type":"STRING"},
              {"source":"Sev","expression":"cve.severity","target":"findingSeverity","appliesTo":"FINDING",
               "type":"INTEGER","valueMap":{"HIGH":"four","high":"4","CRITICAL":"9"},"default":"two"}
            ]}
            """);

    assertThat(problems)
        .satisfiesExactly(
            p ->
                assertThat(p)
                    .startsWith("fields[0] (target 'cveId')")
                    .contains("`cve..id` is not valid JMESPath", "at position 4"),
            p ->
                assertThat(p)
                    .startsWith("fields[1] (target 'cveNumber')")
                    .contains("unknown FINDING target 'cveNumber'"),
            p ->
                assertThat(p)
                    .startsWith("fields[2] (target 'cvssV2Base')")
                    .contains("unknown type \"FLOAT\""),
            p ->
                assertThat(p)
                    .startsWith("fields[4] (target 'findingStatus')")
                    .contains("second row for FINDING target 'findingStatus'"),
            p -> assertThat(p).contains("value map entry \"HIGH\" does not convert to INTEGER"),
            p -> assertThat(p).contains("both \"HIGH\" and \"high\""),
            p ->
                assertThat(p)
                    .contains(
                        "value map entry \"CRITICAL\" gives 9, outside the target's range 1–5"),
            p -> assertThat(p).contains("default does not convert to INTEGER"));
  }

  @Test
  void shouldNameTheMapAndCountItsProblemsInTheMessage() {
    assertThatThrownBy(() -> Maps.parse("{\"fields\":[]}"))
        .isInstanceOf(MapValidationException.class)
        .hasMessageContaining("Transform map test-map.json is invalid (1 problem)")
        .hasMessageContaining("needs a \"name\"");
  }

  @Test
  void shouldReportStructuralProblemsOfEveryRow() {
    List<String> problems =
        problemsOf(
            """
            {"name":"Shapes","colour":"red","fields":[
              "not an object",
              {"expression":"id","target":"externalFindingId","appliesTo":"VULNERABILITY","type":"STRING","requried":true},
              {"target":"cveId","appliesTo":"FINDING","type":"STRING","required":"yes"},
              {"expression":"a[","target":"assetName","appliesTo":"ASSET","type":"STRING","valueMap":["x"],"default":{"a":1}},
              {"expression":"hostname","target":42,"appliesTo":"ASSET","type":"STRING","valueMap":{"a":{"b":1}}}
            ]}
            """);

    assertThat(problems)
        .anySatisfy(p -> assertThat(p).contains("the map: unknown property \"colour\""))
        .anySatisfy(p -> assertThat(p).isEqualTo("fields[0]: must be an object"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains(
                        "fields[1] (target 'externalFindingId'): unknown property \"requried\""))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains("unknown appliesTo \"VULNERABILITY\"; use one of [ASSET, FINDING]"))
        .anySatisfy(
            p -> assertThat(p).contains("fields[2] (target 'cveId'): \"expression\" is required"))
        .anySatisfy(p -> assertThat(p).contains("\"required\" must be true or false"))
        .anySatisfy(p -> assertThat(p).contains("\"valueMap\" must be an object"))
        .anySatisfy(p -> assertThat(p).contains("\"default\" must be a string, number or boolean"))
        // an incomplete row still has its expression checked
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains(
                        "fields[3] (target 'assetName'): expression `a[` is not valid JMESPath at"
                            + " position 2"))
        .anySatisfy(p -> assertThat(p).contains("fields[4]: \"target\" must be a string"))
        .anySatisfy(p -> assertThat(p).contains("value map entry \"a\" must map to a string"));
  }

  @Test
  void shouldPointAtATargetOfTheOtherKind() {
    List<String> problems =
        problemsOf(
            "{\"name\":\"m\",\"fields\":["
                + Maps.row("ASSET", "STRING", "cveId", "cve.id", "")
                + "]}");

    assertThat(problems)
        .singleElement()
        .asString()
        .contains(
            "unknown ASSET target 'cveId'; it is a FINDING target, so set appliesTo to FINDING");
  }

  @Test
  void shouldRefuseATypeOtherThanTheTargets() {
    List<String> problems =
        problemsOf(
            "{\"name\":\"m\",\"fields\":["
                + Maps.row("FINDING", "STRING", "findingSeverity", "sev", "")
                + "]}");

    assertThat(problems)
        .singleElement()
        .asString()
        .contains("type STRING does not match the target's type INTEGER");
  }

  @Test
  void shouldAllowTheSameTargetOnceForEachKind() {
    TransformMap map =
        Maps.withRows(
            Maps.row("ASSET", "STRING", "externalAssetId", "aid", "")
                + ","
                + Maps.row("FINDING", "STRING", "externalAssetId", "aid", ""));

    assertThat(map.fields(RecordKind.ASSET)).hasSize(1);
    assertThat(map.fields(RecordKind.FINDING)).hasSize(1);
  }

  @Test
  void shouldReportInvalidJsonWithItsPosition() {
    assertThat(problemsOf("{\"name\":\"m\",\n \"fields\":[ ,]}"))
        .singleElement()
        .asString()
        .startsWith("not valid JSON at line 2, column");
    assertThat(problemsOf("")).containsExactly("the map file is empty");
    assertThat(problemsOf("[]"))
        .containsExactly("the map must be a JSON object with name and fields");
    assertThat(problemsOf("{\"name\":\"m\"}"))
        .containsExactly("the map must have a \"fields\" list");
  }

  @Test
  void shouldRefuseADuplicatedJsonKeyRatherThanLetOneSilentlyWin() {
    assertThat(problemsOf("{\"name\":\"a\",\"name\":\"b\",\"fields\":[]}"))
        .singleElement()
        .asString()
        .contains("Duplicate field 'name'");
  }

  @Test
  void shouldValidateRowsBuiltInCodeAsWhenSavedFromTheConsole() {
    FieldMapping unknownFunction =
        new FieldMapping(
            "Sev",
            "upper(cve.severity)",
            "sourceSeverity",
            RecordKind.FINDING,
            FieldType.STRING,
            false,
            Map.of(),
            Optional.empty(),
            false,
            null);
    FieldMapping badDefault =
        new FieldMapping(
            null,
            "closed_timestamp",
            "fixedOn",
            RecordKind.FINDING,
            FieldType.INSTANT,
            false,
            null,
            Optional.of("soon"),
            false,
            null);

    assertThatThrownBy(() -> TransformMap.of(" ", "", List.of(unknownFunction, badDefault)))
        .isInstanceOfSatisfying(
            MapValidationException.class,
            e ->
                assertThat(e.problems())
                    .satisfiesExactly(
                        p -> assertThat(p).isEqualTo("the map needs a \"name\""),
                        p ->
                            assertThat(p)
                                .contains(
                                    "fields[0] (target 'sourceSeverity')",
                                    "unknown function \"upper\"",
                                    "position 0"),
                        p ->
                            assertThat(p)
                                .contains(
                                    "fields[1] (target 'fixedOn'): default does not convert to"
                                        + " INSTANT")));
  }

  @Test
  void shouldAcceptAnEmptyMapAndMapNothing() {
    TransformMap map = Maps.parse("{\"name\":\"Empty\",\"fields\":[]}");

    MappingResult result = map.apply(Maps.record("{\"id\":1}"), RecordKind.FINDING);

    assertThat(result.accepted()).isTrue();
    assertThat(result.record().targets()).isEmpty();
  }
}
