package dev.sightline.platform.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssetKeysTest {

  private static AssetRow row(String host, String domain, String serial, List<String> macs) {
    return new AssetRow(
        "id", "id", host, host, null, domain, null, null, null, serial, "HP", List.of(), macs, null,
        null, null, null, List.of(), Map.of());
  }

  @Test
  void shouldKeepVirtualNicMacsApartFromStrongOnes() {
    AssetKeys keys =
        AssetKeys.of(
            row(
                "prd-cache-1",
                null,
                null,
                List.of("00-50-56-5A-9D-50", "D4-81-D7-40-ED-EC", "00-00-00-00-00-00")));
    assertThat(keys.strongMacs()).containsExactly("d4:81:d7:40:ed:ec");
    assertThat(keys.virtualMacs()).containsExactly("00:50:56:5a:9d:50");
  }

  @Test
  void shouldCompareDomainsByTheirFirstLabel() {
    assertThat(AssetKeys.of(row("WS-01", "corp.example.com", null, List.of())).domain())
        .contains("corp");
    assertThat(AssetKeys.of(row("ws-01", "CORP", null, List.of())).domain()).contains("corp");
    assertThat(AssetKeys.of(row("ws-01", "WORKGROUP", null, List.of())).domain()).isEmpty();
  }
}
