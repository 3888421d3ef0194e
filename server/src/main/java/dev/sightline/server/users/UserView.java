package dev.sightline.server.users;

import dev.sightline.server.access.Role;
import java.time.Instant;
import java.util.UUID;

/**
 * A user as stored, without the password hash (which never leaves {@link Users}).
 *
 * @param origin {@code LOCAL} (signs in with a password) or {@code OIDC} (made at a single sign-on)
 */
public record UserView(
    UUID id,
    String username,
    String displayName,
    Role role,
    String origin,
    boolean hasPassword,
    Instant createdAt,
    Instant updatedAt,
    Instant lastSignInAt) {}
