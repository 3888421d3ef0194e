package dev.sightline.platform.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets with AES-256-GCM. A sealed value is {@code version(1) | nonce(12) | ciphertext+tag}
 * and is bound to a context (the owning connector's id) as associated data, so a sealed secret
 * copied onto another connector row fails to open instead of leaking.
 */
public final class SecretCipher {
  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private static final String FINGERPRINT_LABEL = "sightline settings fingerprint v1";

  private final SecretKeySpec key;
  // Derived from the master key, so a fingerprint never uses the encryption key itself.
  private final SecretKeySpec fingerprintKey;
  private final SecureRandom random = new SecureRandom();

  public SecretCipher(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length != 32) {
      throw new IllegalArgumentException(
          "The master key must be 32 bytes (256 bits), it has " + key.length);
    }
    this.key = new SecretKeySpec(key.clone(), "AES");
    this.fingerprintKey =
        new SecretKeySpec(
            hmac(new SecretKeySpec(key.clone(), "HmacSHA256"), FINGERPRINT_LABEL), "HmacSHA256");
  }

  /**
   * A keyed hash (HMAC-SHA-256) of {@code text}, hex: equal texts give equal fingerprints on every
   * node sharing the master key, and a stored fingerprint gives nothing back, not even to someone
   * guessing a weak secret, as a plain hash would.
   */
  public String fingerprint(String text) {
    return HexFormat.of().formatHex(hmac(fingerprintKey, text));
  }

  private static byte[] hmac(SecretKeySpec macKey, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(macKey);
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 is not available in this JVM", e);
    }
  }

  public byte[] seal(String plaintext, String context) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
          .put(VERSION)
          .put(nonce)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  public String open(byte[] sealed, String context) {
    if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
      throw new SecretUnreadableException("the stored secret has an unknown format");
    }
    byte[] nonce = Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new SecretUnreadableException(
          "the stored secret cannot be decrypted with the current master key"
              + " (was SIGHTLINE_MASTER_KEY or the key file changed?)");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  /** A stored secret that cannot be opened; the message says why, never what. */
  public static final class SecretUnreadableException extends RuntimeException {
    SecretUnreadableException(String message) {
      super(message);
    }
  }
}
