package dev.sightline.platform.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.connector.SyncRequest.DataScope;
import dev.sightline.platform.errors.InvalidRequestException.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** "Data to sync" as the seeds write it, and as scripts write it. */
class DataScopeParsingTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Assets & Findings",
        "assets and findings",
        "ASSETS_AND_FINDINGS",
        "Assets&Findings"
      })
  void theSeedsWordsAndTheirSpellingsMeanAssetsAndFindings(String value) {
    List<Problem> problems = new ArrayList<>();
    assertThat(ConnectorService.parseScope(value, problems))
        .isEqualTo(DataScope.ASSETS_AND_FINDINGS);
    assertThat(problems).isEmpty();
  }

  @Test
  void assetsAloneIsAssets() {
    List<Problem> problems = new ArrayList<>();
    assertThat(ConnectorService.parseScope("Assets", problems)).isEqualTo(DataScope.ASSETS);
    assertThat(problems).isEmpty();
  }

  @Test
  void anythingElseIsAProblemNamingTheAllowedValues() {
    List<Problem> problems = new ArrayList<>();
    ConnectorService.parseScope("Findings", problems);
    assertThat(problems).singleElement().extracting(Problem::field).isEqualTo("dataToSync");
  }
}
