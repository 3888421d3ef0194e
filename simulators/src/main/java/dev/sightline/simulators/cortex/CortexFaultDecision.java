package dev.sightline.simulators.cortex;

import java.time.Duration;

/** What to do to one API call before (or instead of) answering it. */
record CortexFaultDecision(Kind kind, int status, Duration delay) {
  enum Kind {
    NONE,
    TOO_MANY,
    SERVER_ERROR,
    DROP,
    PARALLEL,
    /** Answer, but close the connection halfway through the body. */
    CUT_BODY,
    /** Answer with the JSON body cut in half and a length header to match. */
    TRUNCATE_JSON;

    /** True for the faults that answer the call and then spoil the reply's body. */
    boolean spoilsBody() {
      return this == CUT_BODY || this == TRUNCATE_JSON;
    }
  }

  static final CortexFaultDecision NONE = new CortexFaultDecision(Kind.NONE, 0, Duration.ZERO);

  static CortexFaultDecision of(Kind kind, int status) {
    return new CortexFaultDecision(kind, status, Duration.ZERO);
  }

  CortexFaultDecision withDelay(Duration extra) {
    return new CortexFaultDecision(kind, status, extra);
  }
}
