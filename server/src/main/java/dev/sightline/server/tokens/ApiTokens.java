package dev.sightline.server.tokens;

import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.platform.errors.NotFoundException;
import dev.sightline.server.access.Role;
import dev.sightline.server.access.SignedIn;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * API tokens: each belongs to a user and carries that user's role. A token is 256 random bits,
 * shown once and stored only as its SHA-256 (a slow hash adds nothing to a random secret of that
 * size and would cost every call).
 */
public final class ApiTokens {
  /** How long a token lives when its owner names no end. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);

  /** The longest life a token may be given. */
  static final Duration LONGEST_LIFETIME = Duration.ofDays(731);

  /** Last use is written at most this often per token, not on every call. */
  private static final Duration LAST_USE_GRAIN = Duration.ofSeconds(30);

  private static final String COLUMNS =
      "id, user_id, name, kind, created_at, last_used_at, expires_at";

  private final Jdbc jdbc;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public ApiTokens(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A new token for the user; {@code expiresAt} null means {@link #DEFAULT_LIFETIME}. */
  public IssuedToken issue(UUID userId, String name, Instant expiresAt) {
    if (name == null || name.isBlank() || name.length() > 100) {
      throw new InvalidRequestException(
          "name", "is required: 1 to 100 characters saying what the token is for");
    }
    Instant now = clock.instant();
    Instant ends = expiresAt == null ? now.plus(DEFAULT_LIFETIME) : expiresAt;
    if (!ends.isAfter(now)) {
      throw new InvalidRequestException("expiresAt", "is in the past: give a future instant");
    }
    if (ends.isAfter(now.plus(LONGEST_LIFETIME))) {
      throw new InvalidRequestException(
          "expiresAt", "is more than two years away: give an earlier instant and renew it then");
    }
    String token = newToken();
    UUID id = UUID.randomUUID();
    jdbc.update(
        "INSERT INTO api_token (id, user_id, name, kind, token_hash, created_at, expires_at)"
            + " VALUES (?, ?, ?, 'PERSONAL', ?, ?, ?)",
        id,
        userId,
        name.trim(),
        hash(token),
        now,
        ends);
    return new IssuedToken(get(userId, id), token);
  }

  public List<TokenView> list(UUID userId) {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM api_token WHERE user_id = ? ORDER BY created_at, id",
        ApiTokens::view,
        userId);
  }

  public TokenView get(UUID userId, UUID tokenId) {
    return jdbc.queryOne(
            "SELECT " + COLUMNS + " FROM api_token WHERE user_id = ? AND id = ?",
            ApiTokens::view,
            userId,
            tokenId)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "No token with id " + tokenId + " for this user: list the tokens first"));
  }

  /** Revokes the token at once: the next call with it is refused. */
  public TokenView revoke(UUID userId, UUID tokenId) {
    TokenView token = get(userId, tokenId);
    jdbc.update("DELETE FROM api_token WHERE user_id = ? AND id = ?", userId, tokenId);
    return token;
  }

  /** Who the token signs in, or why it does not. */
  public Verdict authenticate(String token) {
    Instant now = clock.instant();
    Optional<Match> match =
        jdbc.queryOne(
            "SELECT t.id, t.expires_at, t.last_used_at, u.id, u.username, u.role"
                + " FROM api_token t JOIN app_user u ON u.id = t.user_id WHERE t.token_hash = ?",
            rs ->
                new Match(
                    rs.getObject(1, UUID.class),
                    instant(rs.getTimestamp(2)),
                    instant(rs.getTimestamp(3)),
                    new SignedIn(
                        rs.getObject(4, UUID.class),
                        rs.getString(5),
                        Role.valueOf(rs.getString(6)),
                        "TOKEN")),
            hash(token));
    if (match.isEmpty()) {
      return Verdict.refused(
          "The API token is not valid (unknown or revoked): ask for a new one, or restart the"
              + " server with SIGHTLINE_ADMIN_TOKEN set to replace the admin token");
    }
    Match m = match.get();
    if (m.expiresAt() != null && !m.expiresAt().isAfter(now)) {
      return Verdict.refused(
          "The API token expired at " + m.expiresAt() + ": issue a new one (POST /api/v1/tokens)");
    }
    if (m.lastUsedAt() == null || m.lastUsedAt().isBefore(now.minus(LAST_USE_GRAIN))) {
      jdbc.update("UPDATE api_token SET last_used_at = ? WHERE id = ?", now, m.tokenId());
    }
    return new Verdict(Optional.of(m.user()), null);
  }

  /**
   * Makes sure the first admin has the bootstrap token: the given one (SIGHTLINE_ADMIN_TOKEN,
   * replacing any earlier one), else a new one at first start, returned so it is shown once.
   */
  public Optional<String> bootstrap(UUID adminId, Optional<String> given) {
    if (given.isPresent()) {
      upsertBootstrap(adminId, given.get());
      return Optional.empty();
    }
    boolean exists =
        jdbc.queryOne("SELECT 1 FROM api_token WHERE kind = 'BOOTSTRAP'", rs -> 1).isPresent();
    if (exists) {
      return Optional.empty();
    }
    String token = newToken();
    upsertBootstrap(adminId, token);
    return Optional.of(token);
  }

  private void upsertBootstrap(UUID adminId, String token) {
    jdbc.update(
        "INSERT INTO api_token (id, user_id, name, kind, token_hash, created_at)"
            + " VALUES (?, ?, 'bootstrap', 'BOOTSTRAP', ?, ?)"
            + " ON CONFLICT (kind) WHERE kind = 'BOOTSTRAP' DO UPDATE SET"
            + " token_hash = EXCLUDED.token_hash, user_id = EXCLUDED.user_id",
        UUID.randomUUID(),
        adminId,
        hash(token),
        clock.instant());
  }

  private String newToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return "sl_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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

  private static TokenView view(ResultSet rs) throws SQLException {
    return new TokenView(
        rs.getObject("id", UUID.class),
        rs.getObject("user_id", UUID.class),
        rs.getString("name"),
        rs.getString("kind"),
        instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("last_used_at")),
        instant(rs.getTimestamp("expires_at")));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private record Match(UUID tokenId, Instant expiresAt, Instant lastUsedAt, SignedIn user) {}

  /** A token just issued: the only time {@code token} exists outside its holder. */
  public record IssuedToken(TokenView view, String token) {
    @Override
    public String toString() {
      return "IssuedToken[" + view + "]";
    }
  }

  /** Either who the token signs in, or the reason it is refused. */
  public record Verdict(Optional<SignedIn> user, String refusal) {
    static Verdict refused(String why) {
      return new Verdict(Optional.empty(), why);
    }
  }
}
