package dev.sightline.simulators.cortex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class XqlParserTest {
  @Test
  void shouldParseEveryDocumentedQuery() {
    for (String text :
        List.of(
            XqlTexts.FINDINGS,
            XqlTexts.findingsAfter("0a1b"),
            XqlTexts.ENDPOINT_CVES,
            XqlTexts.CVES,
            XqlTexts.COUNT_FINDINGS,
            XqlTexts.COUNT_CVES,
            "dataset = va_cves",
            "dataset = va_endpoints")) {
      XqlQuery query = XqlParser.parse(text);

      assertThat(query.dataset()).isIn("va_endpoints", "va_cves");
      assertThat(XqlPlan.compile(query).schema().size()).isPositive();
    }
  }

  @Test
  void shouldReadTheJoinFiltersAndSorts() {
    XqlQuery query = XqlParser.parse(XqlTexts.findingsAfter("0a1b"));

    assertThat(query.stages()).hasSize(8);
    assertThat(query.stages().get(0))
        .isEqualTo(
            new XqlQuery.Filter(
                List.of(List.of(new XqlQuery.Condition("endpoint_id", ">", List.of("0a1b"))))));
    XqlQuery.Join join = (XqlQuery.Join) query.stages().get(5);
    assertThat(join.inner().dataset()).isEqualTo("va_cves");
    assertThat(join.alias()).isEqualTo("cve");
    assertThat(join.innerField()).isEqualTo("name");
    assertThat(join.outerField()).isEqualTo("cves");
    assertThat(join.leftOuter()).isFalse();
    assertThat(query.stages().get(7))
        .isEqualTo(
            new XqlQuery.Sort(
                List.of(
                    new XqlQuery.SortKey("endpoint_id", true),
                    new XqlQuery.SortKey("name", true))));
  }

  @Test
  void shouldAcceptKeywordsInAnyCaseAndEnumLiterals() {
    XqlQuery query =
        XqlParser.parse(
            "DATASET = va_cves | FILTER severity = ENUM.CRITICAL or severity_score >= 9"
                + " | Fields name AS id | LIMIT 3");

    assertThat(query.stages()).hasSize(3);
    assertThat(((XqlQuery.Filter) query.stages().get(0)).anyOf()).hasSize(2);
  }

  @Test
  void shouldPointAtSyntaxErrors() {
    assertThatThrownBy(() -> XqlParser.parse("dataset = va_cves\n| sort name"))
        .hasMessageContaining("line 2, column 8")
        .hasMessageContaining("asc or desc");
    assertThatThrownBy(() -> XqlParser.parse("dataset = va_cves | limit 0"))
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> XqlParser.parse("dataset = va_cves | filter name = \"x"))
        .hasMessageContaining("unterminated");
    assertThatThrownBy(() -> XqlParser.parse("dataset = va_cves | fields name extra"))
        .hasMessageContaining("'|' or the end of the query");
    assertThatThrownBy(() -> XqlParser.parse("  ")).hasMessageContaining("empty");
  }

  @Test
  void shouldRefuseValidXqlItDoesNotModelByName() {
    assertThatThrownBy(() -> XqlParser.parse("dataset = va_cves | dedup name"))
        .hasMessageContaining("valid XQL but the simulator only runs");
    assertThatThrownBy(() -> XqlParser.parse("dataset = va_cves | comp count() as n by severity"))
        .hasMessageContaining("not supported");
    assertThatThrownBy(
            () ->
                XqlParser.parse(
                    "dataset = va_endpoints | join type = right (dataset = va_cves) as c "
                        + "c.name = cves"))
        .hasMessageContaining("not supported");
  }

  @Test
  void shouldRefuseUnknownDatasetsFieldsAndTypeMismatchesWhenCompiling() {
    assertThatThrownBy(() -> XqlPlan.compile(XqlParser.parse("dataset = xdr_data")))
        .hasMessageContaining("unknown dataset");
    assertThatThrownBy(() -> XqlPlan.compile(XqlParser.parse("dataset = va_cves | fields cves")))
        .hasMessageContaining("unknown field 'cves'");
    assertThatThrownBy(
            () -> XqlPlan.compile(XqlParser.parse("dataset = va_endpoints | filter cves = \"x\"")))
        .hasMessageContaining("arrayexpand");
    assertThatThrownBy(
            () ->
                XqlPlan.compile(
                    XqlParser.parse(
                        "dataset = va_endpoints | join (dataset = va_cves) as c c.name = cves")))
        .hasMessageContaining("arrayexpand");
    assertThatThrownBy(
            () -> XqlPlan.compile(XqlParser.parse("dataset = va_cves | filter name > 3")))
        .hasMessageContaining("type mismatch");
  }
}
