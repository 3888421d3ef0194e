package dev.sightline.server.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** SIGHTLINE_TRUSTED_PROXIES: addresses and CIDR ranges, nothing trusted by default. */
class TrustedProxiesTest {

  @Test
  void nothingIsTrustedByDefault() {
    assertThat(TrustedProxies.parse("").contains("127.0.0.1")).isFalse();
    assertThat(TrustedProxies.none().contains("127.0.0.1")).isFalse();
  }

  @Test
  void addressesAndRangesAreTrusted() {
    TrustedProxies proxies = TrustedProxies.parse("127.0.0.1, 10.0.0.0/8 fd00::/8");
    assertThat(proxies.contains("127.0.0.1")).isTrue();
    assertThat(proxies.contains("127.0.0.2")).isFalse();
    assertThat(proxies.contains("10.200.3.4")).isTrue();
    assertThat(proxies.contains("11.0.0.1")).isFalse();
    assertThat(proxies.contains("fd12:3456::1")).isTrue();
    assertThat(proxies.contains("fe80::1")).isFalse();
    assertThat(proxies.contains("not-an-address")).isFalse();
  }

  @Test
  void aMalformedEntryFailsTheStartNamingIt() {
    assertThatThrownBy(() -> TrustedProxies.parse("127.0.0.1, proxy.internal"))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("proxy.internal");
    assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33"))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("10.0.0.0/33");
  }
}
