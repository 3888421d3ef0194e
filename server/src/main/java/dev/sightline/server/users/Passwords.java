package dev.sightline.server.users;

import dev.sightline.platform.errors.InvalidRequestException;
import java.util.Locale;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password rule and its hashing, in one place: at least {@value #MIN_LENGTH} characters, not
 * the user name, hashed with Argon2id (Spring Security's current parameters, stored with the hash
 * so they can be raised later without breaking old hashes).
 */
public final class Passwords {
  static final int MIN_LENGTH = 12;
  static final int MAX_LENGTH = 256;

  private final PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

  /**
   * A hash to compare against when the user does not exist, so that a wrong name takes as long as a
   * wrong password and the answer time does not tell which names exist.
   */
  private final String decoy = encoder.encode("decoy-password-never-matches");

  /** Refuses a password that breaks the rule, naming the field and what to do. */
  void check(String field, String username, String password) {
    if (password == null || password.isEmpty()) {
      throw new InvalidRequestException(field, "is required");
    }
    if (password.length() < MIN_LENGTH) {
      throw new InvalidRequestException(
          field, "is too short: use at least " + MIN_LENGTH + " characters (a passphrase is best)");
    }
    if (password.length() > MAX_LENGTH) {
      throw new InvalidRequestException(
          field, "is too long: use at most " + MAX_LENGTH + " characters");
    }
    if (username != null
        && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
      throw new InvalidRequestException(field, "must not contain the user name");
    }
  }

  String hash(String password) {
    return encoder.encode(password);
  }

  /** Whether the password matches the stored hash; a missing hash is compared to a decoy. */
  boolean matches(String password, String hash) {
    if (password == null) {
      return false;
    }
    if (hash == null) {
      encoder.matches(password, decoy);
      return false;
    }
    return encoder.matches(password, hash);
  }
}
