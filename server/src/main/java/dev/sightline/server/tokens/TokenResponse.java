package dev.sightline.server.tokens;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * A token as the API shows it. {@code token} is present only in the answer that issues it: it is
 * stored as a hash and can never be shown again.
 */
record TokenResponse(
    UUID id,
    UUID userId,
    String name,
    String kind,
    Instant createdAt,
    Instant lastUsedAt,
    Instant expiresAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) String token) {

  static TokenResponse of(TokenView t) {
    return new TokenResponse(
        t.id(), t.userId(), t.name(), t.kind(), t.createdAt(), t.lastUsedAt(), t.expiresAt(), null);
  }

  static TokenResponse issued(ApiTokens.IssuedToken issued) {
    TokenView t = issued.view();
    return new TokenResponse(
        t.id(),
        t.userId(),
        t.name(),
        t.kind(),
        t.createdAt(),
        t.lastUsedAt(),
        t.expiresAt(),
        issued.token());
  }

  /** The same answer without the token: what the audit log keeps of an issue. */
  TokenResponse withoutToken() {
    return new TokenResponse(id, userId, name, kind, createdAt, lastUsedAt, expiresAt, null);
  }

  @Override
  public String toString() {
    return "TokenResponse[id=" + id + ", name=" + name + "]";
  }
}
