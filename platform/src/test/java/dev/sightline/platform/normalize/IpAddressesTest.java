package dev.sightline.platform.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {

  /** raw | canonical | version | weak reason (blank = not weak). */
  @ParameterizedTest(name = "{0} → {1} v{2} {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      # CrowdStrike local_ip / external_ip (samples/crowdstrike), Cortex public_ip and ip[]
      172.17.0.93                               | 172.17.0.93                  | 4 |
      54.89.138.42                              | 54.89.138.42                 | 4 |
      20.11.183.179                             | 20.11.183.179                | 4 |
      10.0.0.4                                  | 10.0.0.4                     | 4 |
      172.17.0.1                                | 172.17.0.1                   | 4 |
      # CGNAT is not weak (IpAddresses class comment); padding and a prefix length are notation
      100.64.1.2                                | 100.64.1.2                   | 4 |
      ' 192.168.1.10 '                          | 192.168.1.10                 | 4 |
      10.52.247.163/21                          | 10.52.247.163                | 4 |
      # IPv4 special-purpose ranges (RFC 6890)
      127.0.0.1                                 | 127.0.0.1                    | 4 | loopback
      127.1.2.3                                 | 127.1.2.3                    | 4 | loopback
      0.0.0.0                                   | 0.0.0.0                      | 4 | unspecified
      0.1.2.3                                   | 0.1.2.3                      | 4 | this-network
      169.254.169.254                           | 169.254.169.254              | 4 | link-local
      169.254.229.34                            | 169.254.229.34               | 4 | link-local
      224.0.0.251                               | 224.0.0.251                  | 4 | multicast
      239.255.255.250                           | 239.255.255.250              | 4 | multicast
      255.255.255.255                           | 255.255.255.255              | 4 | broadcast
      240.0.0.1                                 | 240.0.0.1                    | 4 | reserved
      192.0.2.10                                | 192.0.2.10                   | 4 | documentation
      198.51.100.7                              | 198.51.100.7                 | 4 | documentation
      203.0.113.9                               | 203.0.113.9                  | 4 | documentation
      198.18.0.1                                | 198.18.0.1                   | 4 | benchmarking
      # IPv4-mapped IPv6 is the IPv4 address
      ::ffff:10.0.0.4                           | 10.0.0.4                     | 4 |
      ::FFFF:127.0.0.1                          | 127.0.0.1                    | 4 | loopback
      0:0:0:0:0:ffff:c0a8:0101                  | 192.168.1.1                  | 4 |
      # RFC 5952 text: lower case, no leading zeros, longest (first) zero run as "::"
      2001:DB8:0:0:0:0:0:1                      | 2001:db8::1                  | 6 | documentation
      2001:0db8:85a3:0000:0000:8a2e:0370:7334   | 2001:db8:85a3::8a2e:370:7334 | 6 | documentation
      2001:db8::/32                             | 2001:db8::                   | 6 | documentation
      3fff:0:1::1                               | 3fff:0:1::1                  | 6 | documentation
      2600:1f18:0:0:1:0:0:1                     | 2600:1f18::1:0:0:1           | 6 |
      2a00:1450:4001:0:0:0:0:200e               | 2a00:1450:4001::200e         | 6 |
      2001:4860:0:1:1:1:1:1                     | 2001:4860:0:1:1:1:1:1        | 6 |
      2a00:1450:0:0:1:0:0:0                     | 2a00:1450:0:0:1::            | 6 |
      1:2:3:4:5:6:7::                           | 1:2:3:4:5:6:7:0              | 6 |
      fd12:3456:789a::1                         | fd12:3456:789a::1            | 6 |
      64:ff9b::192.0.2.33                       | 64:ff9b::c000:221            | 6 |
      # zone ids are stripped (Windows "%3", Linux "%eth0"); IPv6 special-purpose ranges
      fe80::5883:9035:3609:77be%3               | fe80::5883:9035:3609:77be    | 6 | link-local
      [fe80::1%eth0]                            | fe80::1                      | 6 | link-local
      0:0:0:0:0:0:0:1                           | ::1                          | 6 | loopback
      ::                                        | ::                           | 6 | unspecified
      ff02::1                                   | ff02::1                      | 6 | multicast
      fec0::1                                   | fec0::1                      | 6 | deprecated-site-local
      100::1                                    | 100::1                       | 6 | discard-only
      """)
  void shouldWriteAddressesCanonicallyAndFlagSpecialRanges(
      String raw, String canonical, int version, String reason) {
    Ip ip = IpAddresses.parse(raw).orElseThrow();

    assertThat(ip.canonical()).isEqualTo(canonical);
    assertThat(ip.version()).isEqualTo(version);
    assertThat(ip.weakReason()).isEqualTo(Optional.ofNullable(reason));
    assertThat(ip.weak()).isEqualTo(reason != null);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        " ",
        "localhost",
        "example.com",
        "ws-01.corp.example.com",
        "256.1.1.1",
        "010.0.0.1",
        "1.2.3",
        "1.2.3.4.5",
        "1.2.3.4:443",
        "[::1]:443",
        "1:2:3:4:5:6:7:8:9",
        "1::2::3",
        ":::",
        "12345::",
        "::ffff:1.2.3",
        "10.0.0.1%eth0",
        "10.0.0.1/33",
        "fe80::1%",
        "2001:db8::g",
        ":1::",
        "1::2:",
        "1.2.3.4 5.6.7.8",
        "-1.2.3.4",
        "1.2.3.-4",
        "[10.0.0.1"
      })
  void shouldRefuseGarbage(String raw) {
    assertThat(IpAddresses.parse(raw)).isEmpty();
  }

  @Test
  void shouldTreatTheDockerBridgeGatewayAsAnOrdinaryAddress() {
    // 172.17.0.1 sits on every Docker host (Cortex sample) yet is also a normal VPC address
    // (CrowdStrike sample 172.17.0.93): nothing about the text can tell them apart. This is why
    // no IP is ever an identity, weak or not.
    assertThat(IpAddresses.parse("172.17.0.1").orElseThrow().weak()).isFalse();
  }

  @Test
  void shouldNotFlagCarrierGradeNatAsWeak() {
    assertThat(IpAddresses.parse("100.100.100.100").orElseThrow().weak()).isFalse();
  }

  @Test
  void shouldNeverResolveNames() throws IOException {
    // A resolver call could block a sync on DNS and leak asset names; the parser is text only.
    Path sources = Path.of("src/main/java/dev/sightline/platform/normalize");
    try (Stream<Path> files = Files.list(sources)) {
      assertThat(files.filter(f -> f.toString().endsWith(".java")))
          .isNotEmpty()
          .allSatisfy(f -> assertThat(Files.readString(f)).doesNotContain("InetAddress"));
    }
  }
}
