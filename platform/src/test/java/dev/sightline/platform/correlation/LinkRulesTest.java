package dev.sightline.platform.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.platform.correlation.AssetCorrelator.Keys;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order of the rules and the conflicts that block a weaker rule. */
class LinkRulesTest {

  private static Keys keys(
      String cloud, String serial, String maker, List<String> macs, String host, String domain) {
    return new Keys(1, 1L, cloud, serial, maker, macs, List.of(), host, domain);
  }

  @Test
  void shouldLinkOnTheSameCloudInstanceFirst() {
    assertThat(
            AssetCorrelator.ruleFor(
                keys("i-0abc", "S1", "dell", List.of(), "a", "d"),
                keys("i-0abc", "S2", "dell", List.of(), "b", "d")))
        .contains(LinkRule.CLOUD_INSTANCE);
  }

  @Test
  void shouldNeverLinkTwoDifferentCloudInstancesWhateverElseMatches() {
    assertThat(
            AssetCorrelator.ruleFor(
                keys("i-1", "S1", "dell", List.of("m"), "a", "d"),
                keys("i-2", "S1", "dell", List.of("m"), "a", "d")))
        .isEmpty();
  }

  @Test
  void shouldLinkTheSameSerialOfTheSameMaker() {
    assertThat(
            AssetCorrelator.ruleFor(
                keys(null, "S1", "dell", List.of(), "a", "d"),
                keys(null, "S1", "dell", List.of(), "b", "d")))
        .contains(LinkRule.SERIAL_MANUFACTURER);
  }

  @Test
  void shouldNotLinkTheSameSerialOfDifferentMakers() {
    assertThat(
            AssetCorrelator.ruleFor(
                keys(null, "S1", "dell", List.of(), "a", "d"),
                keys(null, "S1", "lenovo", List.of(), "b", "e")))
        .isEmpty();
  }

  @Test
  void shouldNotLinkTheSameHostnameOnMachinesWithDifferentSerials() {
    assertThat(
            AssetCorrelator.ruleFor(
                keys(null, "S1", "dell", List.of(), "web-01", "corp"),
                keys(null, "S2", "dell", List.of(), "web-01", "corp")))
        .isEmpty();
  }

  @Test
  void shouldLinkOnAStrongMacWhenSerialsAreUnknown() {
    assertThat(
            AssetCorrelator.ruleFor(
                keys(null, null, null, List.of("aa", "bb"), "x", "d"),
                keys(null, "S9", "hp", List.of("bb"), "y", "d")))
        .contains(LinkRule.STRONG_MAC);
  }

  @Test
  void shouldLinkOnHostnameAndDomainOnlyWhenBothAreKnown() {
    assertThat(
            AssetCorrelator.ruleFor(
                keys(null, null, null, List.of(), "web-01", "corp"),
                keys(null, null, null, List.of(), "web-01", "corp")))
        .contains(LinkRule.HOSTNAME_DOMAIN);
    assertThat(
            AssetCorrelator.ruleFor(
                keys(null, null, null, List.of(), "web-01", null),
                keys(null, null, null, List.of(), "web-01", "corp")))
        .isEmpty();
    assertThat(
            AssetCorrelator.ruleFor(
                keys(null, null, null, List.of(), "web-01", "corp"),
                keys(null, null, null, List.of(), "web-01", "lab")))
        .isEmpty();
  }

  @Test
  void shouldNotLinkOnAHostnameWhenBothMachinesHaveRealNicsThatAllDiffer() {
    assertThat(
            AssetCorrelator.ruleFor(
                keys(null, null, null, List.of("aa"), "web-01", "corp"),
                keys(null, null, null, List.of("bb"), "web-01", "corp")))
        .isEmpty();
  }

  @Test
  void shouldLinkAHostnameWithoutDomainOnlyWhenAVirtualMacBacksItUp() {
    Keys a =
        new Keys(1, 1L, null, null, null, List.of(), List.of("00:50:56:5a:9d:50"), "cache-1", null);
    Keys b =
        new Keys(
            2,
            2L,
            null,
            "VMWARE-42",
            "phoenix",
            List.of(),
            List.of("00:50:56:5a:9d:50"),
            "cache-1",
            null);
    Keys c =
        new Keys(3, 3L, null, null, null, List.of(), List.of("00:50:56:00:00:01"), "cache-1", null);
    assertThat(AssetCorrelator.ruleFor(a, b)).contains(LinkRule.HOSTNAME_VIRTUAL_MAC);
    assertThat(AssetCorrelator.ruleFor(a, c)).isEmpty();
  }
}
