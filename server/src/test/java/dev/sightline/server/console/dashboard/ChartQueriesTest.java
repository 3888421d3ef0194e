package dev.sightline.server.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.platform.connectors.ConnectorCatalog;
import dev.sightline.platform.query.QueryCompiler;
import dev.sightline.platform.query.QueryEntity;
import dev.sightline.platform.query.SourceLabels;
import dev.sightline.query.QueryParser;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every query a dashboard chart links to is one the query language reads and the token catalogue
 * compiles, and its link carries exactly that text.
 */
class ChartQueriesTest {
  private static final SourceLabels LABELS = SourceLabels.of(ConnectorCatalog.discover());
  private final QueryParser parser = QueryParser.withDefaults();
  private final QueryCompiler compiler =
      new QueryCompiler(LABELS, Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC));

  private void compiles(QueryEntity entity, String q) {
    assertThat(compiler.compile(entity, parser.parse(q)).whereSql()).as(q).isNotBlank();
  }

  @Test
  void everyFindingSliceIsAQueryTheCatalogueCompiles() {
    List<String> queries = new ArrayList<>();
    for (int severity = 1; severity <= 5; severity++) {
      queries.add(ChartQueries.findingSeverity(String.valueOf(severity)));
    }
    queries.add(ChartQueries.findingSeverity(null));
    for (String state : List.of("NEW", "ACTIVE", "FIXED", "REOPENED")) {
      queries.add(ChartQueries.findingState(state));
    }
    LABELS.byType().values().forEach(l -> queries.add(ChartQueries.findingSource(l.sourceName())));
    LocalDate day = LocalDate.of(2026, 12, 1);
    queries.addAll(
        List.of(
            ChartQueries.foundOn(day),
            ChartQueries.fixedOn(day),
            ChartQueries.foundSince(day),
            ChartQueries.fixedSince(day),
            ChartQueries.openFindings()));
    assertThat(LABELS.byType()).isNotEmpty();
    queries.forEach(q -> compiles(QueryEntity.FINDINGS, q));
  }

  @Test
  void everyAssetSliceIsAQueryTheCatalogueCompiles() {
    List<String> queries = new ArrayList<>();
    for (String band : List.of("CRITICAL", "HIGH", "MEDIUM", "LOW")) {
      queries.add(ChartQueries.assetRiskBand(band));
    }
    queries.add(ChartQueries.assetRiskBand(null));
    queries.add(ChartQueries.assetState("ACTIVE"));
    queries.add(ChartQueries.assetState("STALE"));
    queries.add(ChartQueries.scoredAssets());
    LABELS.byType().values().forEach(l -> queries.add(ChartQueries.assetSource(l.sourceName())));
    queries.forEach(q -> compiles(QueryEntity.ASSETS, q));
  }

  @Test
  void aSourceNameIsMatchedExactlyEvenWithBackticksAndBackslashes() {
    assertThat(ChartQueries.findingSource("Odd `name` \\ here"))
        .isEqualTo("finding.source:`Odd \\`name\\` \\\\ here`");
    compiles(QueryEntity.FINDINGS, ChartQueries.findingSource("Odd `name` \\ here"));
    compiles(QueryEntity.ASSETS, ChartQueries.assetSource("AND (x) \"y\""));
  }

  @Test
  void aLinkCarriesItsQueryIntactWhateverItHolds() {
    String q = ChartQueries.assetSource("Spotlight & Co + 100%");
    URI link = URI.create(ChartQueries.assets(q, "-asset.riskScore"));
    assertThat(link.getPath()).isEqualTo("/assets");
    String raw = link.getRawQuery();
    assertThat(raw).doesNotContain("+").doesNotContain(" ");
    assertThat(URLDecoder.decode(raw.substring(2, raw.indexOf('&')), StandardCharsets.UTF_8))
        .isEqualTo(q);
    assertThat(raw).endsWith("&sort=-asset.riskScore");
    assertThat(ChartQueries.findings("finding.severity:5"))
        .isEqualTo("/findings?q=finding.severity%3A5");
  }

  @Test
  void aKeyThatIsNotAPlainValueNeverBecomesQueryText() {
    assertThatThrownBy(() -> ChartQueries.findingState("NEW OR asset.id > 0"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChartQueries.findingSeverity("5 OR true"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
