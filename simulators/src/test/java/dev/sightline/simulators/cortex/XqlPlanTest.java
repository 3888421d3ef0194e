package dev.sightline.simulators.cortex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.simulators.testsupport.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class XqlPlanTest {
  private static CortexTenant tenant;

  @BeforeAll
  static void build() {
    tenant =
        new CortexTenant(
            CortexXdrSimulatorOptions.defaults(80)
                .withClock(new MutableClock(Instant.parse("2025-05-05T10:00:00Z"))));
  }

  private static List<Object[]> run(String query) {
    List<Object[]> rows = new ArrayList<>();
    XqlPlan.compile(XqlParser.parse(query)).run(tenant.store().snapshot(), rows::add);
    return rows;
  }

  @Test
  void shouldJoinEveryFindingToItsCve() {
    List<Object[]> rows = run(XqlTexts.FINDINGS);

    assertThat((long) rows.size()).isEqualTo(tenant.store().snapshot().findings());
    assertThat(rows)
        .allMatch(
            r ->
                r.length == 7
                    && r[2] instanceof String
                    && r[4] instanceof Double
                    && r[6] instanceof Long);
  }

  @Test
  void shouldKeepTheLeftSideOnConflictsWhenAsked() {
    String join =
        "dataset = va_endpoints | arrayexpand cves | join conflict_strategy = %s type = inner "
            + "(dataset = va_cves | fields name, severity) as c c.name = cves | fields endpoint_id, cves, name, severity";
    List<Object[]> right = run(join.formatted("right"));
    List<Object[]> left = run(join.formatted("left"));
    List<Object[]> endpointSeverity =
        run("dataset = va_endpoints | arrayexpand cves | fields severity");

    assertThat(right).allMatch(r -> r[1].equals(r[2]));
    assertThat(left)
        .extracting(r -> r[3])
        .containsExactlyElementsOf(endpointSeverity.stream().map(r -> r[0]).toList());
    assertThat(right).extracting(r -> r[3]).isNotEqualTo(left.stream().map(r -> r[3]).toList());
  }

  @Test
  void shouldKeepUnmatchedRowsInALeftJoin() {
    List<Object[]> rows =
        run(
            "dataset = va_endpoints | arrayexpand cves | join type = left "
                + "(dataset = va_cves | filter severity = ENUM.CRITICAL | fields name as critical) as c c.critical = cves");

    assertThat((long) rows.size()).isEqualTo(tenant.store().snapshot().findings());
    assertThat(rows).anyMatch(r -> r[5] == null).anyMatch(r -> r[5] != null);
  }

  @Test
  void shouldFilterSortLimitAndCount() {
    List<Object[]> critical =
        run(
            "dataset = va_cves | filter severity in (\"CRITICAL\", \"HIGH\") and "
                + "severity_score >= 9 | sort desc severity_score, asc name | limit 5 | fields name, severity_score");
    List<Object[]> count =
        run("dataset = va_cves | filter severity_score >= 9 | comp count() as n");
    List<Object[]> all = run("dataset = va_cves | filter severity_score >= 9");

    assertThat(critical).hasSizeLessThanOrEqualTo(5).isNotEmpty();
    assertThat(critical)
        .extracting(r -> (Double) r[1])
        .isSortedAccordingTo(Comparator.reverseOrder())
        .allMatch(s -> s >= 9);
    assertThat(count).hasSize(1);
    assertThat(count.get(0)[0]).isEqualTo((long) all.size());
  }

  @Test
  void shouldStopScanningOnceTheLimitIsReached() {
    List<Object[]> rows = run("dataset = va_endpoints | arrayexpand cves | limit 3");

    assertThat(rows).hasSize(3);
  }

  @Test
  void shouldKnowTheDocumentedQueriesArriveSortedAndStillSortOtherwise() {
    List<Object[]> natural = run(XqlTexts.FINDINGS);
    List<Object[]> resorted =
        run(
            XqlTexts.FINDINGS.replace(
                "| sort asc endpoint_id, asc name",
                "| sort desc name | sort asc endpoint_id, asc name"));
    List<Object[]> byName =
        run("dataset = va_endpoints | arrayexpand cves | sort asc cves | fields cves");

    assertThat(natural).extracting(r -> r[0] + "/" + r[2]).isSorted();
    assertThat(resorted)
        .extracting(r -> r[0] + "/" + r[2])
        .containsExactlyElementsOf(natural.stream().map(r -> r[0] + "/" + r[2]).toList());
    assertThat(byName).extracting(r -> (String) r[0]).isSorted();
    assertThat(
            XqlOrdering.natural("va_endpoints")
                .expand("cves")
                .satisfies(
                    List.of(
                        new XqlQuery.SortKey("endpoint_id", true),
                        new XqlQuery.SortKey("cves", true))))
        .isTrue();
    assertThat(
            XqlOrdering.natural("va_cves").satisfies(List.of(new XqlQuery.SortKey("name", false))))
        .isFalse();
  }
}
