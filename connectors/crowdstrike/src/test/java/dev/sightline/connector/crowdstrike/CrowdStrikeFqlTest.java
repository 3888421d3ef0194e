package dev.sightline.connector.crowdstrike;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.connector.SourceFilters;
import dev.sightline.connector.crowdstrike.CrowdStrikeClient.Query;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrowdStrikeFqlTest {

  @Test
  void shouldBuildAnInclusiveTimestampLowerBound() {
    assertThat(CrowdStrikeFql.atOrAfter("updated_timestamp", Instant.parse("2024-03-01T10:15:30Z")))
        .isEqualTo("updated_timestamp:>='2024-03-01T10:15:30Z'");
  }

  @Test
  void shouldStartAFullReadOfHostsOfEveryEntityTypeAtTheEpoch() {
    assertThat(
            CrowdStrikeStream.HOSTS.filterFrom(
                CrowdStrikeCursor.EPOCH, CrowdStrikeSourceFilters.none()))
        .isEqualTo("last_seen_timestamp:>='1970-01-01T00:00:00Z'");
  }

  @Test
  void shouldReadVulnerabilitiesOfEveryStatus() {
    assertThat(
            CrowdStrikeStream.VULNERABILITIES.filterFrom(
                Instant.parse("2024-03-01T10:15:30.250Z"), CrowdStrikeSourceFilters.none()))
        .isEqualTo("updated_timestamp:>='2024-03-01T10:15:30.250Z'");
  }

  @Test
  void shouldApplyProductTypeAndDataProviderFiltersToEachEndpointInItsOwnFields() {
    CrowdStrikeSourceFilters filters =
        new CrowdStrikeSourceFilters(
            new SourceFilters(
                Map.of(
                    "productTypes", List.of("Server", "Domain Controller"),
                    "dataProviders", List.of("Falcon Network Scan"))));

    assertThat(CrowdStrikeStream.HOSTS.filterFrom(CrowdStrikeCursor.EPOCH, filters))
        .isEqualTo(
            "last_seen_timestamp:>='1970-01-01T00:00:00Z'"
                + "+product_type_desc:['Server','Domain Controller']+data_providers:['Falcon Network Scan']");
    assertThat(CrowdStrikeStream.VULNERABILITIES.filterFrom(CrowdStrikeCursor.EPOCH, filters))
        .isEqualTo(
            "updated_timestamp:>='1970-01-01T00:00:00Z'"
                + "+host_info.product_type_desc:['Server','Domain Controller']"
                + "+data_providers.provider:['Falcon Network Scan']");
  }

  @Test
  void shouldJoinClausesWithPlusAndSkipBlankOnes() {
    assertThat(CrowdStrikeFql.and("a:'1'", "", null, "b:'2'")).isEqualTo("a:'1'+b:'2'");
  }

  @Test
  void shouldEscapeQuotesInValues() {
    assertThat(CrowdStrikeFql.equalTo("hostname", "o'brien\\pc"))
        .isEqualTo("hostname:'o\\'brien\\\\pc'");
  }

  @Test
  void shouldRefuseSomethingThatIsNotAFieldName() {
    assertThatThrownBy(() -> CrowdStrikeFql.equalTo("status'+aid:'x", "open"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldEncodeTheFilterAndRepeatEveryFacetOnEveryPage() {
    String query =
        CrowdStrikeClient.queryString(
            CrowdStrikeStream.VULNERABILITIES,
            new Query(
                "updated_timestamp:>='2024-01-01T00:00:00Z'+status:'open'",
                "updated_timestamp|asc",
                50,
                "abc=="));

    assertThat(query)
        .isEqualTo(
            "filter=updated_timestamp%3A%3E%3D%272024-01-01T00%3A00%3A00Z%27%2Bstatus%3A%27open%27"
                + "&sort=updated_timestamp%7Casc&limit=50&after=abc%3D%3D"
                + "&facet=cve&facet=host_info&facet=remediation");
  }

  @Test
  void shouldOmitAfterOnTheFirstPageOfAQuery() {
    String query =
        CrowdStrikeClient.queryString(
            CrowdStrikeStream.HOSTS,
            new Query(
                "last_seen_timestamp:>='1970-01-01T00:00:00Z'",
                "last_seen_timestamp|asc",
                1000,
                ""));

    assertThat(query).doesNotContain("after=").doesNotContain("facet=");
  }

  @Test
  void shouldCapTheLimitAtEachEndpointsMaximum() {
    assertThat(CrowdStrikeStream.HOSTS.limit(5000)).isEqualTo(1000);
    assertThat(CrowdStrikeStream.VULNERABILITIES.limit(10_000)).isEqualTo(5000);
    assertThat(CrowdStrikeStream.VULNERABILITIES.limit(50)).isEqualTo(50);
  }
}
