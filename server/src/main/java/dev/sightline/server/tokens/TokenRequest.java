package dev.sightline.server.tokens;

import java.time.Instant;

/** A token to issue: what it is for and, optionally, when it ends (else the default lifetime). */
record TokenRequest(String name, Instant expiresAt) {}
