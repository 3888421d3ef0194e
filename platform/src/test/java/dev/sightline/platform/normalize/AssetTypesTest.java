package dev.sightline.platform.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AssetTypesTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      # Cortex endpoint_type / legacy agent_type; CrowdStrike product_type / product_type_desc;
      # CrowdStrike chassis_type_desc
      AGENT_TYPE_SERVER        | Server
      Server                   | Server
      server                   | Server
      3                        | Server
      AGENT_TYPE_WORKSTATION   | Workstation
      Workstation              | Workstation
      1                        | Workstation
      Desktop                  | Workstation
      Laptop                   | Workstation
      VDI                      | Workstation
      Domain Controller        | Domain Controller
      DOMAIN_CONTROLLER        | Domain Controller
      2                        | Domain Controller
      AGENT_TYPE_MOBILE        | Mobile
      AGENT_TYPE_CONTAINERIZED | Container
      AGENT_TYPE_SERVERLESS    | Serverless
      """)
  void shouldMapVendorTypesToOneVocabulary(String raw, String expected) {
    assertThat(AssetTypes.canonical(raw)).contains(expected);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        " ",
        "Virtual Machine",
        "Other",
        "Unknown",
        "4",
        "AGENT_TYPE_UNKNOWN",
        "AGENT_TYPE_"
      })
  void shouldRefuseWhatIsNotAType(String raw) {
    assertThat(AssetTypes.canonical(raw)).isEmpty();
  }
}
