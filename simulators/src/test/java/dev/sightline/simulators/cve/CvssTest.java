package dev.sightline.simulators.cve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CvssTest {
  @Test
  void shouldScoreLikeTheRecordedCves() {
    Cvss chrome = Cvss.of('N', 'L', 'N', 'R', 'U', 'H', 'H', 'H');
    Cvss changedScope = Cvss.of('N', 'L', 'N', 'R', 'C', 'H', 'H', 'H');
    Cvss apple = Cvss.of('L', 'L', 'L', 'N', 'U', 'H', 'H', 'H');
    Cvss intel = Cvss.of('L', 'L', 'L', 'N', 'U', 'L', 'N', 'N');

    assertThat(chrome.baseScore()).isEqualTo(8.8);
    assertThat(chrome.exploitabilityScore()).isEqualTo(2.8);
    assertThat(chrome.impactScore()).isEqualTo(5.9);
    assertThat(chrome.severity()).isEqualTo("HIGH");
    assertThat(changedScope.baseScore()).isEqualTo(9.6);
    assertThat(changedScope.severity()).isEqualTo("CRITICAL");
    assertThat(apple.baseScore()).isEqualTo(7.8);
    assertThat(apple.exploitabilityScore()).isEqualTo(1.8);
    assertThat(intel.baseScore()).isEqualTo(3.3);
    assertThat(intel.impactScore()).isEqualTo(1.4);
    assertThat(Cvss.of('N', 'L', 'N', 'N', 'U', 'N', 'N', 'N').severity()).isEqualTo("NONE");
    assertThat(chrome.vector()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H");
  }
}
