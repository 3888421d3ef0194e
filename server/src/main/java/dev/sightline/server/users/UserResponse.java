package dev.sightline.server.users;

import java.time.Instant;
import java.util.UUID;

/** A user as the API shows it: never a password or its hash. */
record UserResponse(
    UUID id,
    String username,
    String displayName,
    String role,
    String origin,
    boolean hasPassword,
    Instant createdAt,
    Instant updatedAt,
    Instant lastSignInAt) {

  static UserResponse of(UserView u) {
    return new UserResponse(
        u.id(),
        u.username(),
        u.displayName(),
        u.role().name(),
        u.origin(),
        u.hasPassword(),
        u.createdAt(),
        u.updatedAt(),
        u.lastSignInAt());
  }
}
