package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OIDC test harness on its own, before any Sightline code uses it: the provider publishes its
 * discovery document, answers an authorization request with a code at once, and exchanges that code
 * for an ID token carrying exactly the sign-in the test queued; {@link BrowserSession} shows each
 * redirect hop.
 */
class OidcTestServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CLIENT_ID = "sightline";
  private static final String CLIENT_SECRET = "client-secret-for-tests";

  private OidcTestServer oidc;
  private HttpServer app;
  private URI callback;

  @BeforeEach
  void start() throws IOException {
    oidc = OidcTestServer.http();
    // A stand-in for the application's redirect URI: answers 200 to whatever comes back.
    app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    app.createContext(
        "/login/oauth2/code/oidc",
        exchange -> {
          byte[] body = "back at the app".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    app.start();
    callback =
        URI.create("http://127.0.0.1:" + app.getAddress().getPort() + "/login/oauth2/code/oidc");
  }

  @AfterEach
  void stop() {
    app.stop(0);
    oidc.close();
  }

  @Test
  void discoveryDocumentNamesTheIssuerAndItsEndpoints() throws IOException {
    HttpResponse<String> answer = new BrowserSession().get(oidc.discoveryUrl());

    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode doc = JSON.readTree(answer.body());
    assertThat(oidc.issuerUrl().toString())
        .startsWith("http://127.0.0.1:")
        .endsWith("/" + OidcTestServer.ISSUER_ID);
    assertThat(doc.path("issuer").asText()).isEqualTo(oidc.issuerUrl().toString());
    assertThat(doc.path("authorization_endpoint").asText())
        .isEqualTo(oidc.authorizationEndpoint().toString());
    assertThat(doc.path("token_endpoint").asText()).isEqualTo(oidc.tokenEndpoint().toString());
    assertThat(doc.path("jwks_uri").asText()).isEqualTo(oidc.jwksUrl().toString());
    assertThat(doc.path("userinfo_endpoint").asText())
        .isEqualTo(oidc.userInfoEndpoint().toString());
  }

  @Test
  void authorizationRedirectsBackWithACodeThatYieldsTheQueuedSignIn() throws IOException {
    oidc.nextSignIn(
        "sub-alice",
        Map.of(
            "preferred_username", "alice",
            "name", "Alice Example",
            "email", "alice@example.test",
            "roles", List.of("sightline-admin", "staff")));

    BrowserSession.Walk walk = new BrowserSession().followFrom(authorize("state-1", "nonce-1"));

    assertThat(walk.hops()).hasSize(2);
    assertThat(walk.hops().get(0).status()).isEqualTo(302);
    assertThat(walk.hops().get(0).uri().toString())
        .startsWith(oidc.authorizationEndpoint().toString());
    assertThat(walk.finalUri().toString()).startsWith(callback.toString());
    assertThat(walk.status()).isEqualTo(200);
    assertThat(walk.body()).isEqualTo("back at the app");
    Map<String, String> returned = query(walk.finalUri());
    assertThat(returned).containsEntry("state", "state-1").containsKey("code");

    JsonNode tokens = exchange(returned.get("code"));
    JsonNode id = payload(tokens.path("id_token").asText());
    assertThat(id.path("iss").asText()).isEqualTo(oidc.issuerUrl().toString());
    assertThat(id.path("sub").asText()).isEqualTo("sub-alice");
    assertThat(id.path("aud").toString()).contains(CLIENT_ID);
    assertThat(id.path("nonce").asText()).isEqualTo("nonce-1");
    assertThat(id.path("preferred_username").asText()).isEqualTo("alice");
    assertThat(id.path("name").asText()).isEqualTo("Alice Example");
    assertThat(id.path("email").asText()).isEqualTo("alice@example.test");
    assertThat(JSON.convertValue(id.path("roles"), List.class))
        .containsExactly("sightline-admin", "staff");
  }

  @Test
  void queuedSignInsAreUsedInOrderOnePerCode() throws IOException {
    oidc.nextSignIn("sub-bob", Map.of("preferred_username", "bob", "roles", List.of("ops")));
    oidc.nextSignIn("sub-carol", Map.of("preferred_username", "carol"));
    BrowserSession browser = new BrowserSession();

    JsonNode first = signIn(browser, "s1");
    JsonNode second = signIn(browser, "s2");

    assertThat(first.path("sub").asText()).isEqualTo("sub-bob");
    assertThat(first.path("roles").toString()).isEqualTo("[\"ops\"]");
    assertThat(second.path("sub").asText()).isEqualTo("sub-carol");
    assertThat(second.has("roles")).as("carol was given no roles claim").isFalse();
  }

  @Test
  void aCodeExchangedWithNoSignInQueuedIsRefused() {
    BrowserSession.Walk walk = new BrowserSession().followFrom(authorize("s", "n"));

    HttpResponse<String> answer = tokenRequest(query(walk.finalUri()).get("code"));

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("invalid_grant").contains("no sign-in queued");
  }

  @Test
  void overHttpsTheProviderIsTrustedThroughItsCertificateAlone() throws Exception {
    try (OidcTestServer tls = OidcTestServer.https()) {
      assertThat(tls.issuerUrl().toString()).startsWith("https://127.0.0.1:");
      assertThat(tls.caCertificatePem()).isPresent();

      HttpResponse<String> answer =
          new BrowserSession(trusting(tls.caCertificatePem().orElseThrow()))
              .get(tls.discoveryUrl());

      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(answer.body()).path("issuer").asText())
          .isEqualTo(tls.issuerUrl().toString());
      assertThatThrownBy(() -> new BrowserSession().get(tls.discoveryUrl()))
          .as("the JVM's default trust does not know the generated certificate")
          .isInstanceOf(UncheckedIOException.class)
          .hasCauseInstanceOf(SSLHandshakeException.class);
    }
    assertThat(oidc.caCertificatePem()).isEmpty();
  }

  private JsonNode signIn(BrowserSession browser, String state) throws IOException {
    BrowserSession.Walk walk = browser.followFrom(authorize(state, "nonce-" + state));
    Map<String, String> returned = query(walk.finalUri());
    assertThat(returned).containsEntry("state", state);
    return payload(exchange(returned.get("code")).path("id_token").asText());
  }

  private URI authorize(String state, String nonce) {
    return URI.create(
        oidc.authorizationEndpoint()
            + "?"
            + form(
                Map.of(
                    "response_type",
                    "code",
                    "client_id",
                    CLIENT_ID,
                    "redirect_uri",
                    callback.toString(),
                    "scope",
                    "openid profile email",
                    "state",
                    state,
                    "nonce",
                    nonce)));
  }

  private JsonNode exchange(String code) throws IOException {
    HttpResponse<String> answer = tokenRequest(code);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  /** The back-channel call an OAuth2 client makes: client_secret_basic, as Spring's default. */
  private HttpResponse<String> tokenRequest(String code) {
    String basic =
        Base64.getEncoder()
            .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    return new BrowserSession()
        .postForm(
            oidc.tokenEndpoint(),
            Map.of(
                "grant_type",
                "authorization_code",
                "code",
                code,
                "redirect_uri",
                callback.toString()),
            Map.of("Authorization", "Basic " + basic));
  }

  private static JsonNode payload(String jwt) throws IOException {
    String[] parts = jwt.split("\\.");
    assertThat(parts).as("a signed JWT has three parts").hasSize(3);
    return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
  }

  private static Map<String, String> query(URI uri) {
    return Arrays.stream(uri.getRawQuery().split("&"))
        .map(p -> p.split("=", 2))
        .collect(
            Collectors.toMap(
                p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
  }

  private static String form(Map<String, String> values) {
    return new LinkedHashMap<>(values)
        .entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
  }

  private static SSLContext trusting(String pem) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry(
        "oidc",
        CertificateFactory.getInstance("X.509")
            .generateCertificate(
                new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }
}
