package dev.sightline.server.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.ssl.pem.PemContent;

/**
 * The server's own certificate and key (SIGHTLINE_TLS_CERT_FILE, SIGHTLINE_TLS_KEY_FILE, PEM),
 * checked at start: both set or neither, each readable and in PEM (read as Spring Boot's web server
 * reads them), and the key the certificate's.
 */
final class TlsFiles {
  static final String CERT = "SIGHTLINE_TLS_CERT_FILE";
  static final String KEY = "SIGHTLINE_TLS_KEY_FILE";

  private TlsFiles() {}

  static void check(Map<String, String> env) {
    Optional<String> cert = value(env, CERT);
    Optional<String> key = value(env, KEY);
    if (cert.isEmpty() && key.isEmpty()) {
      return;
    }
    if (cert.isEmpty() || key.isEmpty()) {
      String set = cert.isPresent() ? CERT : KEY;
      String unset = cert.isPresent() ? KEY : CERT;
      throw new StartupException(
          set + " is set but " + unset + " is not",
          "set both (the certificate chain and its private key, in PEM), or neither",
          null);
    }
    List<X509Certificate> chain = certificates(cert.get());
    PrivateKey privateKey = privateKey(key.get());
    if (!belongTogether(privateKey, chain.get(0).getPublicKey())) {
      throw new StartupException(
          "The key in " + KEY + " " + key.get() + " is not the key of the certificate in " + CERT,
          "set " + KEY + " to the private key issued with that certificate",
          null);
    }
  }

  private static List<X509Certificate> certificates(String file) {
    String fix = "set " + CERT + " to the server's certificate chain in PEM (the server's first)";
    PemContent pem = read(CERT, file, fix);
    List<X509Certificate> chain;
    try {
      chain = pem.getCertificates();
    } catch (RuntimeException e) {
      throw new StartupException(
          CERT + " " + file + " cannot be read as PEM certificates (" + message(e) + ")", fix, e);
    }
    if (chain == null || chain.isEmpty()) {
      throw new StartupException(CERT + " " + file + " holds no PEM certificate", fix, null);
    }
    return chain;
  }

  private static PrivateKey privateKey(String file) {
    String fix = "set " + KEY + " to the certificate's private key in PEM, not encrypted";
    PemContent pem = read(KEY, file, fix);
    PrivateKey key;
    try {
      key = pem.getPrivateKey();
    } catch (RuntimeException e) {
      throw new StartupException(
          KEY + " " + file + " cannot be read as a PEM private key (" + message(e) + ")", fix, e);
    }
    if (key == null) {
      throw new StartupException(KEY + " " + file + " holds no PEM private key", fix, null);
    }
    return key;
  }

  private static PemContent read(String setting, String file, String fix) {
    try {
      return PemContent.of(Files.readString(Path.of(file)));
    } catch (IOException | RuntimeException e) {
      throw new StartupException(
          setting + " names " + file + ", which cannot be read (" + message(e) + ")", fix, e);
    }
  }

  /** Signs a probe with the key and checks it with the certificate's public key. */
  private static boolean belongTogether(PrivateKey key, PublicKey certified) {
    String algorithm =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          case "Ed25519", "EdDSA" -> "Ed25519";
          default -> null;
        };
    if (algorithm == null || !key.getAlgorithm().equals(certified.getAlgorithm())) {
      return algorithm == null; // a kind of key not checked here: the web server judges it
    }
    try {
      byte[] probe = "sightline tls key check".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certified);
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static String message(Exception e) {
    return StartupChecks.oneLine(
        e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage());
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }
}
