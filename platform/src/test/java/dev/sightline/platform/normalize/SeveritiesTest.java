package dev.sightline.platform.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SeveritiesTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      # CrowdStrike cve.severity, Cortex va_cves.severity (XQL ENUM.*), Cortex SEV_0n0_* enums
      CRITICAL         | 5
      critical         | 5
      High             | 4
      MEDIUM           | 3
      LOW              | 2
      NONE             | 1
      INFORMATIONAL    | 1
      INFO             | 1
      ENUM.CRITICAL    | 5
      ENUM.INFORMATIONAL | 1
      SEV_050_CRITICAL | 5
      SEV_040_HIGH     | 4
      SEV_030_MEDIUM   | 3
      SEV_020_LOW      | 2
      SEV_010_INFO     | 1
      Important        | 4
      Moderate         | 3
      1                | 1
      2                | 2
      3                | 3
      4                | 4
      5                | 5
      ' high '         | 4
      """)
  void shouldPutVendorWordsOnOneScale(String raw, int expected) {
    assertThat(Severities.fromVendorWord(raw)).hasValue(expected);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {" ", "UNKNOWN", "SEV_090_UNKNOWN", "0", "6", "4.0", "9.8", "severe", "ENUM."})
  void shouldLeaveUnknownSeveritiesToTheDefault(String raw) {
    assertThat(Severities.fromVendorWord(raw)).isEmpty();
  }
}
