package dev.sightline.platform.sync;

import java.time.Instant;
import java.util.Optional;

/**
 * Who holds a run: the node working on it and until when its lease runs; another node may take the
 * run over only after the lease has expired.
 */
public record RunClaim(
    RunTrigger trigger,
    int attempt,
    Optional<String> owner,
    Optional<Instant> leaseUntil,
    Optional<Instant> heartbeatAt,
    Optional<Instant> scheduledFor) {}
