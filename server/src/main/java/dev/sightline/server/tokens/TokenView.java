package dev.sightline.server.tokens;

import java.time.Instant;
import java.util.UUID;

/**
 * A token as listed: never the token itself, which is shown once when issued and stored only as a
 * hash.
 *
 * @param kind {@code PERSONAL}, or {@code BOOTSTRAP} for SIGHTLINE_ADMIN_TOKEN
 * @param expiresAt null: never (the bootstrap token only)
 */
public record TokenView(
    UUID id,
    UUID userId,
    String name,
    String kind,
    Instant createdAt,
    Instant lastUsedAt,
    Instant expiresAt) {}
