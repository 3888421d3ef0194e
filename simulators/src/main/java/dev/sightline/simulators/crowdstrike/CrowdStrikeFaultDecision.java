package dev.sightline.simulators.crowdstrike;

import java.time.Duration;

/** What to do to one API call before (or instead of) answering it. */
record CrowdStrikeFaultDecision(Kind kind, int status, int retryAfterSeconds, Duration delay) {
  enum Kind {
    NONE,
    RATE_LIMIT,
    SERVER_ERROR,
    DROP,
    /** The endpoint answers, but the connection closes after half the body. */
    DROP_MID_BODY,
    /** The endpoint answers with half its JSON body and a matching Content-Length. */
    TRUNCATE
  }

  static final CrowdStrikeFaultDecision NONE =
      new CrowdStrikeFaultDecision(Kind.NONE, 0, 0, Duration.ZERO);

  CrowdStrikeFaultDecision withDelay(Duration extra) {
    return new CrowdStrikeFaultDecision(kind, status, retryAfterSeconds, extra);
  }
}
