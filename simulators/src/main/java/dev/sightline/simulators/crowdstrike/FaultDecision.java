package dev.sightline.simulators.crowdstrike;

import java.time.Duration;

/** What to do to one API call before (or instead of) answering it. */
record FaultDecision(Kind kind, int status, int retryAfterSeconds, Duration delay) {
  enum Kind {
    NONE,
    RATE_LIMIT,
    SERVER_ERROR,
    DROP
  }

  static final FaultDecision NONE = new FaultDecision(Kind.NONE, 0, 0, Duration.ZERO);

  FaultDecision withDelay(Duration extra) {
    return new FaultDecision(kind, status, retryAfterSeconds, extra);
  }
}
