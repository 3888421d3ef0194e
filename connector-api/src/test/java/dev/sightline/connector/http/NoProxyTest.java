package dev.sightline.connector.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** NO_PROXY as curl reads it. */
class NoProxyTest {

  @Test
  void anEmptyValueBypassesNothing() {
    assertThat(NoProxy.parse("").bypasses("api.crowdstrike.com")).isFalse();
    assertThat(NoProxy.parse("  ").bypasses("127.0.0.1")).isFalse();
    assertThat(NoProxy.parse(null).bypasses("localhost")).isFalse();
  }

  @Test
  void aStarAloneBypassesEveryHost() {
    assertThat(NoProxy.parse("*").bypasses("api.crowdstrike.com")).isTrue();
    assertThat(NoProxy.parse("*").bypasses("10.1.2.3")).isTrue();
  }

  @Test
  void aHostNameMatchesItselfAndEveryNameBelowItWithOrWithoutALeadingDot() {
    for (String entry : new String[] {"example.com", ".example.com"}) {
      NoProxy bypass = NoProxy.parse(entry);
      assertThat(bypass.bypasses("example.com")).as(entry).isTrue();
      assertThat(bypass.bypasses("api.example.com")).as(entry).isTrue();
      assertThat(bypass.bypasses("API.Example.COM.")).as(entry).isTrue();
      assertThat(bypass.bypasses("badexample.com")).as(entry).isFalse();
      assertThat(bypass.bypasses("example.com.evil.net")).as(entry).isFalse();
    }
  }

  @Test
  void entriesAreSeparatedByCommasOrSpacesAndTrimmed() {
    NoProxy bypass = NoProxy.parse(" localhost , .corp.example,  10.0.0.0/8 intranet");
    assertThat(bypass.bypasses("localhost")).isTrue();
    assertThat(bypass.bypasses("git.corp.example")).isTrue();
    assertThat(bypass.bypasses("10.20.30.40")).isTrue();
    assertThat(bypass.bypasses("intranet")).isTrue();
    assertThat(bypass.bypasses("api.crowdstrike.com")).isFalse();
  }

  @Test
  void anIpAddressMatchesOnlyThatAddress() {
    NoProxy bypass = NoProxy.parse("127.0.0.1");
    assertThat(bypass.bypasses("127.0.0.1")).isTrue();
    assertThat(bypass.bypasses("127.0.0.2")).isFalse();
  }

  @Test
  void aCidrRangeMatchesTheAddressesInsideIt() {
    NoProxy bypass = NoProxy.parse("192.168.0.0/16,fd00::/8");
    assertThat(bypass.bypasses("192.168.44.1")).isTrue();
    assertThat(bypass.bypasses("192.169.0.1")).isFalse();
    assertThat(bypass.bypasses("[fd12::1]")).isTrue();
    assertThat(bypass.bypasses("fe80::1")).isFalse();
  }

  @Test
  void namesAreNeverResolvedToCompareThemWithAddresses() {
    // localhost resolves to 127.0.0.1, but curl compares names with names only.
    assertThat(NoProxy.parse("127.0.0.0/8").bypasses("localhost")).isFalse();
    assertThat(NoProxy.parse("localhost").bypasses("127.0.0.1")).isFalse();
  }

  @Test
  void anEntryWithAPortNamesItsHost() {
    assertThat(NoProxy.parse("mirror.corp:8443").bypasses("mirror.corp")).isTrue();
  }
}
