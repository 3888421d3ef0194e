package dev.sightline.platform.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.connector.Sampling;
import dev.sightline.platform.errors.InvalidRequestException.Problem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectorScopeTest {
  private static final Instant NOW = Instant.parse("2026-05-13T11:07:00Z");

  private static ConnectorScope valid(ConnectorScope.Request request) {
    List<Problem> problems = new ArrayList<>();
    ConnectorScope scope = request.validate(problems, NOW);
    assertThat(problems).isEmpty();
    return scope;
  }

  private static List<Problem> problems(ConnectorScope.Request request) {
    List<Problem> problems = new ArrayList<>();
    request.validate(problems, NOW);
    return problems;
  }

  @Test
  void shouldDefaultToEverythingUnsampledKeptThirtyDaysAndNeverPurged() {
    ConnectorScope scope = valid(ConnectorScope.Request.defaults());

    assertThat(scope).isEqualTo(ConnectorScope.DEFAULTS);
    assertThat(scope.fetchFrom()).isEqualTo(Instant.parse("1970-01-01T00:00:00Z"));
    assertThat(scope.sourceFetchFrom()).as("everything: no filter at the source").isEmpty();
    assertThat(scope.sourceSampling()).isEmpty();
    assertThat(scope.staleAfterDays()).isEqualTo(30);
    assertThat(scope.purgeStaleAfterDays()).isNull();
  }

  @Test
  void shouldTakeADateAsMidnightUtcOrAnInstant() {
    assertThat(valid(new ConnectorScope.Request("2026-01-31", null, null, null)).fetchFrom())
        .isEqualTo(Instant.parse("2026-01-31T00:00:00Z"));
    assertThat(
            valid(new ConnectorScope.Request("2026-01-31T08:00:00+05:30", null, null, null))
                .sourceFetchFrom())
        .contains(Instant.parse("2026-01-31T02:30:00Z"));
    assertThat(valid(new ConnectorScope.Request("1970-01-01", null, null, null)).sourceFetchFrom())
        .isEmpty();
  }

  @Test
  void shouldAskForTheSeedsSampleOfAThousandAssets() {
    assertThat(valid(new ConnectorScope.Request(null, true, null, null)).sourceSampling())
        .isEqualTo(Optional.of(new Sampling(1000)));
  }

  @Test
  void shouldNameTheFieldAndTheFixOfEachBadValue() {
    assertThat(problems(new ConnectorScope.Request("31/01/2026", null, 0, -5)))
        .extracting(Problem::field)
        .containsExactly("fetchFrom", "staleAfterDays", "purgeStaleAfterDays");
    assertThat(
            problems(new ConnectorScope.Request("31/01/2026", null, null, null)).get(0).message())
        .contains("YYYY-MM-DD");
    assertThat(
            problems(new ConnectorScope.Request("1969-12-31", null, null, null)).get(0).message())
        .contains("before 1970-01-01");
    assertThat(
            problems(new ConnectorScope.Request("2026-05-14", null, null, null)).get(0).message())
        .contains("future");
    assertThat(problems(new ConnectorScope.Request(null, null, 3651, null)).get(0).message())
        .contains("1..3650");
  }
}
