package dev.sightline.server.connectors;

import dev.sightline.platform.connectors.StateChange;
import java.time.Instant;
import java.util.UUID;

/** One step of a connector's state history. */
public record StateChangeResponse(String state, UUID runId, String reason, Instant at) {
  public static StateChangeResponse from(StateChange c) {
    return new StateChangeResponse(
        c.state().name(), c.runId().orElse(null), c.reason().orElse(null), c.at());
  }
}
