package dev.sightline.mapping;

import static dev.sightline.connector.RecordKind.ASSET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Typed access to mapped values. */
class MappedRecordTest {

  private static final MappedRecord HOST =
      Maps.withRows(
              String.join(
                  ",",
                  Maps.row("ASSET", "STRING", "hostName", "hostname", ""),
                  Maps.row("ASSET", "STRING_LIST", "ipAddress", "ips", ""),
                  Maps.row("ASSET", "INSTANT", "lastSeen", "seen", ""),
                  Maps.row("ASSET", "STRING", "fqdn", "fqdn", "")))
          .apply(Maps.record("{\"hostname\":\"h1\",\"ips\":[\"10.0.0.1\"],\"seen\":0}"), ASSET)
          .record();

  @Test
  void shouldListTargetsWithValuesInMapOrder() {
    assertThat(HOST.targets()).containsExactly("hostName", "ipAddress", "lastSeen");
    assertThat(HOST.asMap())
        .containsExactly(
            java.util.Map.entry("hostName", "h1"),
            java.util.Map.entry("ipAddress", List.of("10.0.0.1")),
            java.util.Map.entry("lastSeen", Instant.EPOCH));
  }

  @Test
  void shouldAnswerEmptyForATargetWithoutValue() {
    assertThat(HOST.string("fqdn")).isEmpty();
    assertThat(HOST.strings("macAddress")).isEmpty();
    assertThat(HOST.integer("criticality")).isEmpty();
  }

  @Test
  void shouldRefuseTheAccessorOfAnotherType() {
    assertThatThrownBy(() -> HOST.integer("hostName"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'hostName'")
        .hasMessageContaining("INTEGER");
  }

  @Test
  void shouldBeImmutable() {
    assertThatThrownBy(() -> HOST.asMap().put("fqdn", "x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> HOST.strings("ipAddress").add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void shouldNotPrintValues() {
    assertThat(HOST.toString()).contains("hostName").doesNotContain("h1", "10.0.0.1");
  }
}
