package dev.sightline.server.boot;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the server is reached: over HTTPS of its own ({@code SIGHTLINE_TLS_CERT_FILE} and {@code
 * SIGHTLINE_TLS_KEY_FILE}), and behind a reverse proxy at a public address ({@code
 * SIGHTLINE_PUBLIC_URL}, and the forwarded headers of {@code SIGHTLINE_TRUSTED_PROXIES}).
 *
 * @param tls the certificate chain and its key, both PEM (checked at start by {@link
 *     StartupChecks})
 * @param publicUrl the scheme, host and port people use, e.g. {@code https://sightline.example.com}
 * @param trustedProxies whose forwarded headers are believed
 */
public record WebSettings(
    Optional<Tls> tls, Optional<URI> publicUrl, TrustedProxies trustedProxies) {
  static final String PUBLIC_URL = "SIGHTLINE_PUBLIC_URL";

  /** The server's certificate chain and private key, as files in PEM. */
  public record Tls(Path certificateChain, Path privateKey) {}

  /** Plain HTTP, no public address, no trusted proxy. */
  public static WebSettings none() {
    return new WebSettings(Optional.empty(), Optional.empty(), TrustedProxies.none());
  }

  public WebSettings withTls(Tls files) {
    return new WebSettings(Optional.of(files), publicUrl, trustedProxies);
  }

  public WebSettings withPublicUrl(String url) {
    return new WebSettings(tls, Optional.of(publicUrl(url)), trustedProxies);
  }

  public WebSettings withTrustedProxies(String list) {
    return new WebSettings(tls, publicUrl, TrustedProxies.parse(list));
  }

  static WebSettings fromEnvironment(Map<String, String> env) {
    Optional<String> cert = value(env, TlsFiles.CERT);
    Optional<String> key = value(env, TlsFiles.KEY);
    // Only one of the two set is a start-up error worded by StartupChecks.
    Optional<Tls> tls =
        cert.isPresent() && key.isPresent()
            ? Optional.of(new Tls(Path.of(cert.get()), Path.of(key.get())))
            : Optional.empty();
    return new WebSettings(
        tls,
        value(env, PUBLIC_URL).map(WebSettings::publicUrl),
        TrustedProxies.parse(env.getOrDefault(TrustedProxies.SETTING, "")));
  }

  /**
   * The Spring Boot properties that make the web server speak HTTPS: one PEM SSL bundle named
   * {@code sightline}, used by the server's connector.
   */
  public Map<String, Object> springProperties() {
    Map<String, Object> properties = new LinkedHashMap<>();
    tls.ifPresent(
        files -> {
          String bundle = "spring.ssl.bundle.pem.sightline.keystore.";
          properties.put(bundle + "certificate", location(files.certificateChain()));
          properties.put(bundle + "private-key", location(files.privateKey()));
          properties.put("server.ssl.bundle", "sightline");
        });
    return properties;
  }

  private static String location(Path file) {
    return "file:" + file.toAbsolutePath();
  }

  /** An absolute http(s) URL with a host and nothing after it but an optional "/". */
  static URI publicUrl(String raw) {
    String fix =
        "set it to the address people open, scheme and host (and port if not the scheme's),"
            + " e.g. https://sightline.example.com";
    URI uri;
    try {
      uri = new URI(raw.trim());
    } catch (URISyntaxException e) {
      throw new StartupException(PUBLIC_URL + " is '" + raw + "', not a URL", fix, null);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean bare =
        (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
            && uri.getRawQuery() == null
            && uri.getRawFragment() == null
            && uri.getRawUserInfo() == null;
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare) {
      // A path would need every page and link to move under it; Sightline serves from the root.
      throw new StartupException(
          PUBLIC_URL + " is '" + raw + "', not a bare http(s) address without a path", fix, null);
    }
    return URI.create(scheme + "://" + uri.getRawAuthority());
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }
}
