package dev.sightline.platform.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class HostNamesTest {

  /** hostname | reported domain | short name | FQDN | domain (blank cell = absent). */
  @ParameterizedTest(name = "{0} + {1} → {2} / {3} / {4}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
      # CrowdStrike hostname + machine_domain (samples/crowdstrike), Cortex endpoint_name + domain
      # (samples/cortex-xdr), NetBIOS and machine-account forms
      WS-01.Corp.Example.COM.                   | -                 | ws-01             | ws-01.corp.example.com                   | corp.example.com
      WS-01                                     | CORP.example.com  | ws-01             | ws-01.corp.example.com                   | corp.example.com
      CS-SE-RDPACCESS                           | csanfr.local      | cs-se-rdpaccess   | cs-se-rdpaccess.csanfr.local             | csanfr.local
      ADDC01                                    | csanfr.local      | addc01            | addc01.csanfr.local                      | csanfr.local
      SENTINEL-C-02                             | illusive-sacumen.com | sentinel-c-02  | sentinel-c-02.illusive-sacumen.com       | illusive-sacumen.com
      WIN10DETECTION                            | -                 | win10detection    | -                                        | -
      hiep-xsoar                                | WORKGROUP         | hiep-xsoar        | -                                        | -
      ip-3.3.3.3                                | ''                | ip-3-3-3-3        | -                                        | -
      ip-2.2.3.3.eu-central-1.compute.internal  | ''                | ip-2-2-3-3        | ip-2-2-3-3.eu-central-1.compute.internal | eu-central-1.compute.internal
      CORP\\ws-01                               | -                 | ws-01             | -                                        | corp
      CORP\\ws-01                               | corp.example.com  | ws-01             | ws-01.corp.example.com                   | corp.example.com
      WS-01$                                    | CORP              | ws-01             | -                                        | corp
      ws-01.localdomain                         | -                 | ws-01             | -                                        | -
      Johns-MacBook-Pro.local                   | -                 | johns-macbook-pro | -                                        | -
      '  db-07.prod.example.com  '              | prod.example.com. | db-07             | db-07.prod.example.com                   | prod.example.com
      """)
  void shouldNormalizeVendorHostnames(
      String raw, String domain, String shortName, String fqdn, String expectedDomain) {
    assertThat(HostNames.parse(raw, domain))
        .contains(
            new HostName(
                shortName, Optional.ofNullable(fqdn), Optional.ofNullable(expectedDomain)));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "   ",
        "10.0.0.4",
        "fe80::5883:9035:3609:77be%3",
        "[::1]",
        "localhost",
        "LOCALHOST.localdomain",
        "unknown",
        "(none)",
        "10.1.2.3.example.net",
        "4.3.2.1.in-addr.arpa",
        ".",
        "CORP\\"
      })
  void shouldRefuseNamesThatNameNoMachine(String raw) {
    assertThat(HostNames.parse(raw, "corp.example.com")).isEmpty();
  }

  @Test
  void shouldKeepShortNameAndFqdnBoth() {
    HostName name = HostNames.parse("WS-01.Corp.Example.COM.", null).orElseThrow();

    assertThat(name.shortName()).isEqualTo("ws-01");
    assertThat(name.fqdn()).contains("ws-01.corp.example.com");
  }

  @Test
  void shouldNeverSplitAnIpIntoLabels() {
    assertThat(HostNames.parse("192.168.10.20", null)).isEmpty();
    assertThat(HostNames.parse("ip-192.168.10.20", null).map(HostName::shortName))
        .contains("ip-192-168-10-20");
  }

  @Test
  void shouldPreferTheNamesOwnSuffixOverTheReportedDomain() {
    HostName name =
        HostNames.parse("ws-01.eu-central-1.compute.internal", "corp.example.com").orElseThrow();

    assertThat(name.domain()).contains("eu-central-1.compute.internal");
  }

  @Test
  void shouldNotBuildAnFqdnFromANetbiosDomain() {
    HostName name = HostNames.parse("WS-01", "CORP").orElseThrow();

    assertThat(name.domain()).contains("corp");
    assertThat(name.fqdn()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ip-10-0-0-4",
        "ip-172-31-5-10.ec2.internal",
        "ec2-54-89-138-42.compute-1.amazonaws.com",
        "host-192-168-1-20-dhcp",
        "ip-3.3.3.3"
      })
  void shouldFlagNamesThatSpellAnIpAddress(String raw) {
    assertThat(HostNames.parse(raw, null).orElseThrow().ipDerived()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"ws-01", "win10detection", "sql-2019-01", "desktop-0sh1skq", "rack-300-1-2-3"})
  void shouldNotFlagOrdinaryNames(String raw) {
    assertThat(HostNames.parse(raw, null).orElseThrow().ipDerived()).isFalse();
  }
}
