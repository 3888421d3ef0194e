package dev.sightline.server;

import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.TokenRequest;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.KeyStoreException;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.OAuth2Exception;
import no.nav.security.mock.oauth2.http.NettyWrapper;
import no.nav.security.mock.oauth2.http.Ssl;
import no.nav.security.mock.oauth2.http.SslKeystore;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

/**
 * A real OpenID Connect provider for tests (NAV's mock-oauth2-server) on a random loopback port,
 * serving one issuer, {@value #ISSUER_ID}: discovery, authorize, token, JWKS, userinfo, end
 * session. Sign-in is non-interactive: the authorize endpoint answers at once with a redirect
 * carrying a code, and the test decides who signed in with {@link #nextSignIn} before the code is
 * exchanged.
 *
 * <p>A code exchanged with no sign-in queued is refused ({@code invalid_grant}), so no test signs
 * in by accident as the library's random default user.
 *
 * <p>Everything is on {@code 127.0.0.1} (never {@code localhost}): the issuer in the discovery
 * document and in the tokens is derived from the address the provider was called on, and an OAuth2
 * client compares it with the issuer it was configured with character for character.
 */
final class OidcTestServer implements AutoCloseable {
  static final String ISSUER_ID = "sightline-test";
  private static final String LOOPBACK = "127.0.0.1";

  private final MockOAuth2Server server;
  private final Optional<String> caPem;
  private final String scheme;

  private OidcTestServer(Optional<Ssl> ssl) {
    OAuth2Config config =
        new OAuth2Config(
            false,
            null,
            null,
            false,
            new OAuth2TokenProvider(),
            Set.of(new NoSignInQueued()),
            new NettyWrapper(ssl.orElse(null)));
    server = new MockOAuth2Server(config);
    try {
      server.start(InetAddress.getByName(LOOPBACK), 0);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
    caPem = ssl.map(OidcTestServer::certificatePem);
    scheme = ssl.isPresent() ? "https" : "http";
  }

  /** The provider over plain HTTP. */
  static OidcTestServer http() {
    return new OidcTestServer(Optional.empty());
  }

  /**
   * The provider over HTTPS with a certificate generated at start for {@code 127.0.0.1} and {@code
   * localhost}, self-signed: a client trusts it by trusting {@link #caCertificatePem()} alone, as
   * production trusts a private CA given in {@code SIGHTLINE_EXTRA_CA_FILE}.
   */
  static OidcTestServer https() {
    return new OidcTestServer(Optional.of(new Ssl(new SslKeystore())));
  }

  /** The issuer identifier, e.g. {@code http://127.0.0.1:41234/sightline-test} (no end slash). */
  URI issuerUrl() {
    return URI.create(scheme + "://" + LOOPBACK + ":" + port() + "/" + ISSUER_ID);
  }

  URI discoveryUrl() {
    return endpoint("/.well-known/openid-configuration");
  }

  URI authorizationEndpoint() {
    return endpoint("/authorize");
  }

  URI tokenEndpoint() {
    return endpoint("/token");
  }

  URI jwksUrl() {
    return endpoint("/jwks");
  }

  URI userInfoEndpoint() {
    return endpoint("/userinfo");
  }

  URI endSessionEndpoint() {
    return endpoint("/endsession");
  }

  int port() {
    return server.baseUrl().port();
  }

  /** PEM of the certificate to trust when started with {@link #https()}; empty over HTTP. */
  Optional<String> caCertificatePem() {
    return caPem;
  }

  /**
   * Decides who the next code exchanged at the token endpoint belongs to: the ID token (and the
   * access token, so userinfo agrees) gets {@code sub} = subject plus these claims, e.g. {@code
   * preferred_username}, {@code name}, {@code email}, {@code roles} (a list). Sign-ins are used in
   * the order queued, one per code exchange. {@code iss}, {@code aud} (the client id), {@code
   * nonce}, {@code iat} and {@code exp} are set by the provider.
   */
  void nextSignIn(String subject, Map<String, Object> claims) {
    server.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            ISSUER_ID, subject, "JWT", null, new LinkedHashMap<>(claims), 3600));
  }

  /** A sign-in with only a subject and a {@code preferred_username} equal to it. */
  void nextSignIn(String subject) {
    nextSignIn(subject, Map.of("preferred_username", subject));
  }

  private URI endpoint(String path) {
    return URI.create(issuerUrl() + path);
  }

  private static String certificatePem(Ssl ssl) {
    try {
      var store = ssl.getSslKeystore().getKeyStore();
      String alias = store.aliases().nextElement();
      byte[] der = store.getCertificate(alias).getEncoded();
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
              .encodeToString(der)
          + "\n-----END CERTIFICATE-----\n";
    } catch (KeyStoreException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot read the generated certificate", e);
    }
  }

  @Override
  public void close() {
    server.shutdown();
  }

  /**
   * The issuer's fallback when no sign-in is queued: refuses the exchange instead of inventing a
   * user, so a test that forgot {@link #nextSignIn} fails rather than signing in someone random.
   */
  private static final class NoSignInQueued implements OAuth2TokenCallback {
    @Override
    public String issuerId() {
      return ISSUER_ID;
    }

    @Override
    public String subject(TokenRequest request) {
      throw refused();
    }

    @Override
    public String typeHeader(TokenRequest request) {
      return "JWT";
    }

    @Override
    public List<String> audience(TokenRequest request) {
      throw refused();
    }

    @Override
    public Map<String, Object> addClaims(TokenRequest request) {
      throw refused();
    }

    @Override
    public long tokenExpiry() {
      return 3600;
    }

    private static OAuth2Exception refused() {
      String why = "no sign-in queued: call OidcTestServer.nextSignIn before the code is exchanged";
      return new OAuth2Exception(OAuth2Error.INVALID_GRANT.setDescription(why), why);
    }
  }
}
