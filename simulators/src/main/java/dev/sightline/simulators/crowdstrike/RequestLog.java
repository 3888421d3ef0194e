package dev.sightline.simulators.crowdstrike;

/**
 * Requests the CrowdStrike simulator answered, oldest first, for assertions in tests (how many
 * token calls, which filters were sent, what each got back). The shared {@link
 * dev.sightline.simulators.server.RequestLog}, kept under this name for existing callers; {@code
 * RequestLog.Entry} is the shared entry type. Thread-safe.
 */
public final class RequestLog extends dev.sightline.simulators.server.RequestLog {
  RequestLog() {}
}
