package dev.sightline.simulators.cortex;

import dev.sightline.simulators.cortex.CortexXdrSimulatorOptions.SecurityLevel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks the API key headers. A standard key is sent raw: {@code Authorization: <key>} with {@code
 * x-xdr-auth-id: <id>}. An advanced key is never sent: {@code Authorization} carries the lower-case
 * hex SHA-256 of {@code key + nonce + timestamp}, with {@code x-xdr-nonce} (64 letters or digits)
 * and {@code x-xdr-timestamp} (epoch milliseconds). Requests are checked against the one key's
 * level, so a request signed the other way is refused like a wrong key. Advanced requests more than
 * five minutes away from the clock, or reusing a nonce seen in the last ten minutes, are refused
 * too. Every refusal is a 401; the reason goes to {@code err_extra}.
 *
 * <p>Thread-safe.
 */
final class ApiKeyAuthenticator {
  static final Duration MAX_SKEW = Duration.ofMinutes(5);
  private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9]{64}");
  private static final Pattern MILLIS = Pattern.compile("\\d{1,19}");

  private final String keyId;
  private final byte[] key;
  private final SecurityLevel level;
  private final Clock clock;

  /**
   * Nonces of accepted advanced requests, oldest first, until they could no longer pass the skew
   * check.
   */
  private final Map<String, Long> seenNonces = new LinkedHashMap<>();

  ApiKeyAuthenticator(String keyId, String key, SecurityLevel level, Clock clock) {
    this.keyId = keyId;
    this.key = key.getBytes(StandardCharsets.UTF_8);
    this.level = level;
    this.clock = clock;
  }

  /** Empty when the request carries valid credentials, else why not (for {@code err_extra}). */
  Optional<String> refusal(Function<String, Optional<String>> header) {
    Optional<String> id = header.apply("x-xdr-auth-id");
    Optional<String> authorization = header.apply("Authorization");
    if (id.isEmpty() || authorization.isEmpty()) {
      return Optional.of("missing x-xdr-auth-id or Authorization header");
    }
    if (!id.get().trim().equals(keyId)) {
      return Optional.of("unknown API key id");
    }
    return level == SecurityLevel.STANDARD
        ? standard(authorization.get())
        : advanced(
            authorization.get(), header.apply("x-xdr-nonce"), header.apply("x-xdr-timestamp"));
  }

  private Optional<String> standard(String authorization) {
    return MessageDigest.isEqual(authorization.getBytes(StandardCharsets.UTF_8), key)
        ? Optional.empty()
        : Optional.of("invalid API key");
  }

  private Optional<String> advanced(
      String authorization, Optional<String> nonce, Optional<String> timestamp) {
    if (nonce.isEmpty() || timestamp.isEmpty()) {
      return Optional.of("an advanced key needs x-xdr-nonce and x-xdr-timestamp");
    }
    if (!NONCE.matcher(nonce.get()).matches()) {
      return Optional.of("x-xdr-nonce must be 64 letters or digits");
    }
    if (!MILLIS.matcher(timestamp.get()).matches()) {
      return Optional.of("x-xdr-timestamp must be epoch milliseconds");
    }
    long sent = Long.parseLong(timestamp.get());
    long now = clock.millis();
    if (Math.abs(now - sent) > MAX_SKEW.toMillis()) {
      return Optional.of("x-xdr-timestamp is more than 5 minutes away from the server time");
    }
    byte[] expected = hash(key, nonce.get(), timestamp.get()).getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(authorization.getBytes(StandardCharsets.UTF_8), expected)) {
      return Optional.of("invalid API key signature");
    }
    synchronized (seenNonces) {
      forgetOld(now);
      if (seenNonces.putIfAbsent(nonce.get(), now + 2 * MAX_SKEW.toMillis()) != null) {
        return Optional.of("x-xdr-nonce was already used");
      }
    }
    return Optional.empty();
  }

  private void forgetOld(long now) {
    Iterator<Long> expiries = seenNonces.values().iterator();
    while (expiries.hasNext() && expiries.next() <= now) {
      expiries.remove();
    }
  }

  /** The advanced signature: lower-case hex SHA-256 of the UTF-8 string key + nonce + timestamp. */
  static String hash(String key, String nonce, String timestamp) {
    return hash(key.getBytes(StandardCharsets.UTF_8), nonce, timestamp);
  }

  private static String hash(byte[] key, String nonce, String timestamp) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(key);
      sha.update((nonce + timestamp).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
