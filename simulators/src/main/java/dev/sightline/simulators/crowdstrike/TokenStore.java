package dev.sightline.simulators.crowdstrike;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issued OAuth2 bearer tokens. Tokens are opaque random strings of about the real length (the real
 * token response is ~1.2 KB); they expire by the injected clock. Thread-safe.
 */
final class TokenStore {
  /** The real API's {@code expires_in}. */
  static final Duration LIFETIME = Duration.ofSeconds(1799);

  record Grant(String clientId, Set<String> scopes, Instant expiresAt) {}

  private final ConcurrentHashMap<String, Grant> grants = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  String issue(String clientId, Set<String> scopes, Instant now, Duration lifetime) {
    if (grants.size() > 10_000) {
      grants.values().removeIf(g -> !now.isBefore(g.expiresAt()));
    }
    byte[] bytes = new byte[864];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    grants.put(token, new Grant(clientId, Set.copyOf(scopes), now.plus(lifetime)));
    return token;
  }

  Optional<Grant> find(String token, Instant now) {
    if (token == null) {
      return Optional.empty();
    }
    Grant grant = grants.get(token);
    return grant != null && now.isBefore(grant.expiresAt()) ? Optional.of(grant) : Optional.empty();
  }

  boolean revoke(String token) {
    return grants.remove(token) != null;
  }

  void expireAll() {
    grants.clear();
  }
}
