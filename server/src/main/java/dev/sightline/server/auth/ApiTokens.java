package dev.sightline.server.auth;

import dev.sightline.platform.db.Jdbc;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/** API bearer tokens, stored only as SHA-256 hashes. */
public final class ApiTokens {
  static final String ADMIN = "admin";

  private final Jdbc jdbc;
  private final Clock clock;

  public ApiTokens(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Makes sure an admin token exists: the given one (replacing any earlier one), else a new one,
   * which is returned so it can be shown once. Returns empty when an admin token already exists.
   */
  public Optional<String> bootstrapAdmin(Optional<String> given) {
    if (given.isPresent()) {
      jdbc.update(
          "INSERT INTO api_token (id, name, token_hash, role, created_at)"
              + " VALUES (?, ?, ?, 'ADMIN', ?) ON CONFLICT (name) DO UPDATE SET"
              + " token_hash = EXCLUDED.token_hash",
          UUID.randomUUID(),
          ADMIN,
          hash(given.get()),
          clock.instant());
      return Optional.empty();
    }
    boolean exists =
        jdbc.queryOne("SELECT 1 FROM api_token WHERE name = ?", rs -> 1, ADMIN).isPresent();
    if (exists) {
      return Optional.empty();
    }
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String token = "sl_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    jdbc.update(
        "INSERT INTO api_token (id, name, token_hash, role, created_at)"
            + " VALUES (?, ?, ?, 'ADMIN', ?)",
        UUID.randomUUID(),
        ADMIN,
        hash(token),
        clock.instant());
    return Optional.of(token);
  }

  public boolean valid(String token) {
    return jdbc.queryOne("SELECT 1 FROM api_token WHERE token_hash = ?", rs -> 1, hash(token))
        .isPresent();
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
