package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.server.boot.AccessSettings;
import dev.sightline.server.boot.WebSettings;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sightline behind Debian's nginx, which terminates TLS at the public address
 * (https://localhost:port) and passes requests over plain HTTP to the server on 127.0.0.1, a
 * trusted proxy (SIGHTLINE_TRUSTED_PROXIES=127.0.0.1, SIGHTLINE_PUBLIC_URL set): the console's
 * sign-in redirect, the single sign-on callback and the links all name the public https address,
 * and the session cookie is Secure.
 */
class ReverseProxyEndToEndIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN_PASSWORD = "Proxy-Owner-Passphrase-42";
  private static OidcTestServer provider;
  private static TestServer server;
  private static Nginx nginx;
  private static URI publicBase;
  private static javax.net.ssl.SSLContext tls;
  private static HttpClient client;

  @BeforeAll
  static void start() throws Exception {
    Path dir = Files.createTempDirectory("sightline-nginx");
    TestCertificate certificate = TestCertificate.writtenTo(dir);
    provider = OidcTestServer.https();
    String providerCa = provider.caCertificatePem().orElseThrow();
    int nginxPort = freePort();
    publicBase = URI.create("https://localhost:" + nginxPort);
    server =
        new TestServer(
            "127.0.0.1",
            Optional.of(providerCa),
            settings ->
                settings
                    .withAccess(
                        AccessSettings.none()
                            .withAdminPassword(ADMIN_PASSWORD)
                            .withOidc(
                                new AccessSettings.Oidc(
                                    provider.issuerUrl().toString(),
                                    "sightline",
                                    "sso-client-secret-value",
                                    "groups")))
                    .withWeb(
                        WebSettings.none()
                            .withPublicUrl(publicBase.toString())
                            .withTrustedProxies("127.0.0.1")));
    nginx = Nginx.inFrontOf(server.base.getPort(), certificate, nginxPort, dir);
    tls = certificate.trustingItAnd(List.of(certificate(providerCa)));
    client =
        HttpClient.newBuilder()
            .sslContext(tls)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  @AfterAll
  static void stop() throws Exception {
    if (nginx != null) {
      nginx.close();
    }
    server.close();
    provider.close();
  }

  @Test
  void theConsolesSignInRedirectNamesThePublicHttpsAddress() throws Exception {
    HttpResponse<String> page = get(publicBase.resolve("/assets"));
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location")).contains(publicBase + "/?next=%2Fassets");
  }

  @Test
  void theSignOnCallbackSentToTheProviderIsThePublicHttpsAddress() throws Exception {
    assertThat(HttpsEndToEndIT.callbackFor(get(publicBase.resolve("/oauth2/authorization/oidc"))))
        .isEqualTo(publicBase + "/login/oauth2/code/oidc");
  }

  @Test
  void aSignOnThroughTheProxyEndsSignedInWithASecureCookie() throws Exception {
    provider.nextSignIn(
        "sub-pat", Map.of("preferred_username", "pat", "groups", List.of("Operator")));
    BrowserSession browser = new BrowserSession(tls);
    BrowserSession.Walk walk = browser.followFrom(publicBase.resolve("/oauth2/authorization/oidc"));
    BrowserSession.Hop back = walk.hops().get(walk.hops().size() - 1);
    assertThat(back.uri()).isEqualTo(publicBase.resolve("/"));
    assertThat(walk.hops())
        .filteredOn(h -> h.uri().getPath().equals("/login/oauth2/code/oidc"))
        .singleElement()
        .satisfies(h -> assertThat(h.uri().getAuthority()).isEqualTo(publicBase.getAuthority()));
    assertThat(browser.cookies())
        .filteredOn(c -> c.getName().equals("SIGHTLINE_SESSION"))
        .singleElement()
        .satisfies(c -> assertThat(c.getSecure()).isTrue());

    JsonNode me = JSON.readTree(browser.get(publicBase.resolve("/api/v1/session")).body());
    assertThat(me.path("username").asText()).isEqualTo("pat");
    assertThat(me.path("via").asText()).isEqualTo("OIDC");
  }

  @Test
  void aPasswordSignInThroughTheProxySetsSecureCookies() throws Exception {
    HttpResponse<String> signedIn =
        client.send(
            HttpRequest.newBuilder(publicBase.resolve("/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.statusCode()).isEqualTo(200);
    List<String> cookies = signedIn.headers().allValues("Set-Cookie");
    assertThat(cookies).anyMatch(c -> c.startsWith("SIGHTLINE_SESSION="));
    assertThat(cookies).allSatisfy(c -> assertThat(c).containsIgnoringCase("; Secure"));
  }

  @Test
  void theConsolesLinksStayOnThePublicAddress() throws Exception {
    HttpResponse<String> signInPage = get(publicBase.resolve("/"));
    assertThat(signInPage.statusCode()).isEqualTo(200);
    Matcher links = Pattern.compile("(?:href|src|action)=\"([^\"]*)\"").matcher(signInPage.body());
    int seen = 0;
    while (links.find()) {
      String link = links.group(1);
      seen++;
      // Relative to the page (so on the public address), or absolute on the public address.
      assertThat(
              link.startsWith("/") && !link.startsWith("//") || link.startsWith(publicBase + "/"))
          .as(link)
          .isTrue();
    }
    assertThat(seen).isPositive();
    assertThat(signInPage.body())
        .doesNotContain("127.0.0.1:" + server.base.getPort())
        .doesNotContain("http://localhost");
  }

  @Test
  void aRequestReachingTheServerDirectlyIsStillSentToThePublicUrl() throws Exception {
    HttpResponse<String> direct = get(server.base.resolve("/assets"));
    assertThat(direct.statusCode()).isEqualTo(302);
    assertThat(direct.headers().firstValue("Location")).contains(publicBase + "/?next=%2Fassets");
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static X509Certificate certificate(String pem) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }

  private static int freePort() throws Exception {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
