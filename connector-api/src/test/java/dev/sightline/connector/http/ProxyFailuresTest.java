package dev.sightline.connector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which hop failed, told from what a proxy answers to CONNECT: by the Test Connection probe, and by
 * java.net.http as the connectors call vendors. The proxy here answers one scripted status line to
 * every request (the real tinyproxy is in the server's end-to-end tests).
 */
class ProxyFailuresTest {
  private static final String PASSWORD = "pr0xy-pass-never-shown";
  private ServerSocket server;
  private final List<String> heads = new CopyOnWriteArrayList<>();

  private ProxyEndpoint scriptedProxy(String statusLine) throws IOException {
    ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    server = listening;
    Thread answering =
        new Thread(
            () -> {
              while (!listening.isClosed()) {
                try (Socket s = listening.accept()) {
                  heads.add(head(s.getInputStream()));
                  s.getOutputStream()
                      .write(
                          (statusLine + "\r\nContent-Length: 0\r\n\r\n")
                              .getBytes(StandardCharsets.ISO_8859_1));
                  s.getOutputStream().flush();
                } catch (IOException e) {
                  // closed at the end of the test
                }
              }
            });
    answering.setDaemon(true);
    answering.start();
    return ProxyEndpoint.parse(
        "http://proxyuser:" + PASSWORD + "@127.0.0.1:" + listening.getLocalPort(), "HTTPS_PROXY");
  }

  @AfterEach
  void close() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theProbeSendsTheCredentialsAndExplainsAProxyThatRefusesThem() throws Exception {
    ProxyEndpoint proxy = scriptedProxy("HTTP/1.1 407 Proxy Authentication Required");
    assertThatThrownBy(() -> ProxyTunnel.open(proxy, "vendor.example", 443, Duration.ofSeconds(5)))
        .isInstanceOfSatisfying(
            ProxyFailureException.class,
            e -> {
              assertThat(e.hop()).isEqualTo(ProxyFailureException.Hop.PROXY_CREDENTIALS);
              assertThat(e.status()).hasValue(407);
              assertThat(e.getMessage())
                  .contains("proxy http://proxyuser:***@127.0.0.1:")
                  .contains("407")
                  .contains("CONNECT vendor.example:443")
                  .doesNotContain(PASSWORD);
              assertThat(e.fix()).contains("HTTPS_PROXY").doesNotContain(PASSWORD);
            });
    assertThat(heads.get(0))
        .startsWith("CONNECT vendor.example:443 HTTP/1.1")
        .contains("Proxy-Authorization: Basic ");
  }

  @Test
  void theProbeTakesTinyproxysUnauthorizedForAnAnswerAboutCredentialsToo() throws Exception {
    ProxyEndpoint proxy = scriptedProxy("HTTP/1.0 401 Unauthorized");
    assertThatThrownBy(() -> ProxyTunnel.open(proxy, "vendor.example", 443, Duration.ofSeconds(5)))
        .isInstanceOfSatisfying(
            ProxyFailureException.class,
            e -> assertThat(e.hop()).isEqualTo(ProxyFailureException.Hop.PROXY_CREDENTIALS));
  }

  @Test
  void theProbeExplainsATunnelRefusedByPolicy() throws Exception {
    ProxyEndpoint proxy = scriptedProxy("HTTP/1.1 403 Forbidden");
    assertThatThrownBy(() -> ProxyTunnel.open(proxy, "vendor.example", 443, Duration.ofSeconds(5)))
        .isInstanceOfSatisfying(
            ProxyFailureException.class,
            e -> {
              assertThat(e.hop()).isEqualTo(ProxyFailureException.Hop.PROXY_POLICY);
              assertThat(e.getMessage()).contains("policy").contains("403");
              assertThat(e.fix()).contains("SIGHTLINE_NO_PROXY");
            });
  }

  @Test
  void theProbeNamesAProxyThatCannotBeReached() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    ProxyEndpoint proxy =
        ProxyEndpoint.parse("http://proxyuser:" + PASSWORD + "@127.0.0.1:" + closed, "P");
    assertThatThrownBy(() -> ProxyTunnel.open(proxy, "vendor.example", 443, Duration.ofSeconds(5)))
        .isInstanceOfSatisfying(
            ProxyFailureException.class,
            e -> {
              assertThat(e.hop()).isEqualTo(ProxyFailureException.Hop.PROXY_UNREACHABLE);
              assertThat(e.getMessage())
                  .contains("cannot connect to the proxy http://proxyuser:***@127.0.0.1:" + closed)
                  .doesNotContain(PASSWORD);
            });
  }

  @Test
  void aVendorCallNamesTheProxyAndTheStatusItAnsweredToConnect() throws Exception {
    for (int status : new int[] {401, 403, 502}) {
      heads.clear();
      ProxyEndpoint proxy = scriptedProxy("HTTP/1.1 " + status + " Refused");
      HttpClient client =
          new OutboundProxy(Optional.of(proxy), Optional.empty(), NoProxy.NONE)
              .build(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)));
      HttpRequest call = HttpRequest.newBuilder(URI.create("https://vendor.example/x")).build();
      assertThatThrownBy(() -> client.send(call, HttpResponse.BodyHandlers.discarding()))
          .isInstanceOfSatisfying(
              ProxyFailureException.class,
              e -> {
                assertThat(e.status()).hasValue(status);
                assertThat(e.getMessage())
                    .contains("http://proxyuser:***@127.0.0.1:")
                    .contains(String.valueOf(status))
                    .doesNotContain(PASSWORD);
              });
      assertThat(heads).isNotEmpty().allMatch(h -> h.startsWith("CONNECT vendor.example:443"));
      server.close();
    }
  }

  @Test
  void aProxysPermanentRefusalsAreNotRetriedButItsUpstreamTroubleIs() throws Exception {
    ProxyEndpoint proxy = ProxyEndpoint.parse("http://p:1", "P");
    assertThat(NetworkFailures.isPermanent(ProxyFailureException.refused(proxy, "v:443", 407)))
        .isTrue();
    assertThat(NetworkFailures.isPermanent(ProxyFailureException.refused(proxy, "v:443", 403)))
        .isTrue();
    assertThat(NetworkFailures.isPermanent(ProxyFailureException.refused(proxy, "v:443", 503)))
        .isFalse();
  }

  @Test
  void aTargetTheBypassListNamesNeverMeetsTheProxy() throws Exception {
    ProxyEndpoint proxy = scriptedProxy("HTTP/1.1 403 Forbidden");
    HttpClient client =
        new OutboundProxy(Optional.of(proxy), Optional.empty(), NoProxy.parse("127.0.0.1"))
            .build(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)));
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    HttpRequest call =
        HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + closed + "/")).build();
    assertThatThrownBy(() -> client.send(call, HttpResponse.BodyHandlers.discarding()))
        .isNotInstanceOf(ProxyFailureException.class)
        .isInstanceOf(java.net.ConnectException.class);
    assertThat(heads).isEmpty();
  }

  private static String head(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      out.write(b);
      matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
    }
    return out.toString(StandardCharsets.ISO_8859_1);
  }
}
