package dev.sightline.server.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * `sightline doctor` on the outbound proxy: readable settings, a proxy that answers, no password.
 */
class ProxyCheckTest {
  private static final String SECRET = "doctor-proxy-secret";

  @Test
  void saysEveryCallGoesDirectWhenNoProxyIsSet() {
    List<CheckLine> lines = new ProxyCheck(Map.of()).run();
    assertThat(lines).singleElement().satisfies(l -> assertThat(l.ok()).isTrue());
    assertThat(lines.get(0).detail()).contains("direct");
  }

  @Test
  void refusesASettingTheServerCannotReadWithoutShowingThePassword() {
    CheckLine line =
        new ProxyCheck(Map.of("SIGHTLINE_PROXY_URL", "socks5://u:" + SECRET + "@proxy:1080"))
            .run()
            .get(0);
    assertThat(line.ok()).isFalse();
    assertThat(line.detail()).contains("SIGHTLINE_PROXY_URL").doesNotContain(SECRET);
  }

  @Test
  void findsAProxyThatAcceptsConnectionsAndOneThatDoesNot() throws Exception {
    try (ServerSocket proxy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String url = "http://u:" + SECRET + "@127.0.0.1:" + proxy.getLocalPort();
      CheckLine up = new ProxyCheck(Map.of("HTTPS_PROXY", url)).run().get(0);
      assertThat(up.ok()).as(up.render()).isTrue();
      assertThat(up.render()).contains("u:***@127.0.0.1").doesNotContain(SECRET);
    }
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    CheckLine down =
        new ProxyCheck(Map.of("HTTPS_PROXY", "http://u:" + SECRET + "@127.0.0.1:" + closed))
            .run()
            .get(0);
    assertThat(down.ok()).isFalse();
    assertThat(down.render()).contains("cannot connect to the proxy").doesNotContain(SECRET);
    assertThat(down.fix()).contains("HTTPS_PROXY");
  }
}
