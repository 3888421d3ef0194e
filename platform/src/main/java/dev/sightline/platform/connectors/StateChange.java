package dev.sightline.platform.connectors;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One step of a connector's state history: the state, the run that moved it, and why. */
public record StateChange(
    ConnectorState state, Optional<UUID> runId, Optional<String> reason, Instant at) {}
