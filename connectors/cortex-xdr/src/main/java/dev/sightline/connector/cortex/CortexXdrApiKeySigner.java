package dev.sightline.connector.cortex;

import dev.sightline.connector.cortex.CortexXdrConfig.SecurityLevel;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * Puts the API key headers on a request. A standard key is sent as is; an advanced key is sent as
 * the lowercase hex SHA-256 of {@code key + nonce + timestamp} with a fresh 64-character nonce and
 * the epoch-millisecond timestamp, so every attempt of every call is signed anew (the service
 * refuses replayed nonces and stale timestamps). Thread-safe when the random generator is.
 */
final class CortexXdrApiKeySigner {

  static final String AUTH_ID = "x-xdr-auth-id";
  static final String NONCE = "x-xdr-nonce";
  static final String TIMESTAMP = "x-xdr-timestamp";
  static final int NONCE_LENGTH = 64;

  private static final char[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private final CortexXdrConfig config;
  private final Clock clock;
  private final RandomGenerator random;

  /** {@code random} must be a {@link java.security.SecureRandom} in production. */
  CortexXdrApiKeySigner(CortexXdrConfig config, Clock clock, RandomGenerator random) {
    this.config = config;
    this.clock = clock;
    this.random = random;
  }

  HttpRequest.Builder sign(HttpRequest.Builder request) {
    request.header(AUTH_ID, config.apiKeyId());
    if (config.securityLevel() == SecurityLevel.STANDARD) {
      return request.header("Authorization", config.apiKey());
    }
    String nonce = nonce();
    String timestamp = Long.toString(clock.millis());
    return request
        .header(NONCE, nonce)
        .header(TIMESTAMP, timestamp)
        .header("Authorization", signature(config.apiKey(), nonce, timestamp));
  }

  /** The advanced key's {@code Authorization} value: hex(sha256(key + nonce + timestamp)). */
  static String signature(String apiKey, String nonce, String timestamp) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha256.digest((apiKey + nonce + timestamp).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  String nonce() {
    char[] chars = new char[NONCE_LENGTH];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(chars);
  }
}
