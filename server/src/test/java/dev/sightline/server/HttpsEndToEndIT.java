package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.server.boot.AccessSettings;
import dev.sightline.server.boot.WebSettings;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SIGHTLINE_TLS_CERT_FILE and SIGHTLINE_TLS_KEY_FILE: the server speaks HTTPS itself on its port,
 * plain HTTP there is refused, the session cookie is Secure; with no SIGHTLINE_TRUSTED_PROXIES a
 * client's forged forwarded headers change nothing.
 */
class HttpsEndToEndIT {
  private static final String ADMIN_PASSWORD = "Tls-Owner-Passphrase-42";
  private static OidcTestServer provider;
  private static TestServer server;
  private static TestCertificate certificate;
  private static URI https;
  private static HttpClient client;

  @BeforeAll
  static void start() throws Exception {
    certificate = TestCertificate.writtenTo(Files.createTempDirectory("sightline-tls"));
    provider = OidcTestServer.http();
    server =
        new TestServer(
            "127.0.0.1",
            Optional.empty(),
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
                            .withTls(
                                new WebSettings.Tls(
                                    certificate.certificateFile(), certificate.keyFile()))));
    https = URI.create("https://127.0.0.1:" + server.base.getPort());
    client =
        HttpClient.newBuilder()
            .sslContext(certificate.trustingIt())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    provider.close();
  }

  @Test
  void theServerAnswersOverHttpsWithTheGivenCertificate() throws Exception {
    HttpResponse<String> about = get("/actuator/health/liveness");
    assertThat(about.statusCode()).isEqualTo(200);
    assertThat(about.sslSession()).isPresent();
    assertThat(about.sslSession().get().getPeerCertificates()[0])
        .isEqualTo(certificate.certificate());
  }

  @Test
  void plainHttpOnTheSamePortIsRefused() throws Exception {
    HttpResponse<String> plain =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(server.base.resolve("/api/v1/about"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    // Tomcat answers a plain request on a TLS port with a 400 that says so, and nothing else.
    assertThat(plain.statusCode()).isEqualTo(400);
    assertThat(plain.body()).contains("requires TLS").doesNotContain("version");
  }

  @Test
  void theSessionCookieIsSecureOverHttps() throws Exception {
    HttpResponse<String> signedIn =
        client.send(
            HttpRequest.newBuilder(https.resolve("/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.statusCode()).isEqualTo(200);
    assertThat(signedIn.headers().allValues("Set-Cookie"))
        .filteredOn(c -> c.startsWith("SIGHTLINE_SESSION="))
        .singleElement()
        .satisfies(c -> assertThat(c).containsIgnoringCase("; Secure"));
  }

  @Test
  void theSignOnCallbackIsThisServersOwnAddress() throws Exception {
    assertThat(callbackFor(get("/oauth2/authorization/oidc")))
        .isEqualTo(https + "/login/oauth2/code/oidc");
  }

  @Test
  void withoutTrustedProxiesAClientsForgedForwardedHeadersAreIgnored() throws Exception {
    HttpResponse<String> forged =
        client.send(
            HttpRequest.newBuilder(https.resolve("/oauth2/authorization/oidc"))
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "http")
                .header("X-Forwarded-Port", "8080")
                .header("Forwarded", "host=evil.example;proto=http")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(callbackFor(forged)).isEqualTo(https + "/login/oauth2/code/oidc");

    HttpResponse<String> console =
        client.send(
            HttpRequest.newBuilder(https.resolve("/assets"))
                .header("X-Forwarded-Host", "evil.example")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(console.statusCode()).isEqualTo(302);
    assertThat(console.headers().firstValue("Location").orElseThrow())
        .doesNotContain("evil.example");
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(https.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The redirect_uri of the redirect to the provider's authorization endpoint. */
  static String callbackFor(HttpResponse<String> toProvider) {
    assertThat(toProvider.statusCode()).isEqualTo(302);
    URI location = URI.create(toProvider.headers().firstValue("Location").orElseThrow());
    assertThat(location.getPath()).endsWith("/authorize");
    for (String pair : location.getRawQuery().split("&")) {
      if (pair.startsWith("redirect_uri=")) {
        return URLDecoder.decode(pair.substring("redirect_uri=".length()), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no redirect_uri in " + location);
  }
}
