package dev.sightline.connector.cortex;

import static dev.sightline.connector.CheckpointStates.number;
import static dev.sightline.connector.CheckpointStates.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.connector.Checkpoint;
import dev.sightline.connector.CheckpointStates;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a read of one stream stands, stored as the checkpoint's JSON state (version 1). It holds no
 * vendor handle (offsets shift, XQL streams end): a resumed read re-derives its place from {@code
 * lastId}, the last {@code endpoint_id} emitted, in the {@code endpoint_id} ascending order both
 * streams read in.
 *
 * @param lastSeenFrom the lower bound on {@code last_seen} (epoch ms) this read filters on, 0 for
 *     none
 * @param lastId the last endpoint emitted, "" before the first
 * @param offset the {@code search_from} where the endpoints read expects the record after {@code
 *     lastId}; only a hint, checked on every page (unused by the vulnerabilities read)
 * @param maxLastSeen the newest {@code last_seen} (epoch ms) read so far: the next delta's
 *     watermark
 */
record CortexXdrCursor(Mode mode, long lastSeenFrom, String lastId, long offset, long maxLastSeen) {

  static final int VERSION = 1;

  CortexXdrCursor {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(lastId, "lastId");
    if (lastSeenFrom < 0 || offset < 0 || maxLastSeen < 0) {
      throw new IllegalArgumentException("cursor positions must not be negative");
    }
  }

  /**
   * How the read chose its records. A SAMPLE read (the seeds' Sampling Mode) covers only the
   * sampled endpoints: its checkpoint is never the base of a delta or a resume.
   */
  enum Mode {
    FULL,
    DELTA,
    SAMPLE
  }

  /** A full read of everything seen at or after {@code lastSeenFrom} (0: everything). */
  static CortexXdrCursor full(long lastSeenFrom) {
    return new CortexXdrCursor(Mode.FULL, lastSeenFrom, "", 0, 0);
  }

  /** A read of sampled endpoints seen at or after {@code lastSeenFrom}. */
  static CortexXdrCursor sample(long lastSeenFrom) {
    return new CortexXdrCursor(Mode.SAMPLE, lastSeenFrom, "", 0, 0);
  }

  /**
   * The delta that follows a finished read: endpoints seen after this read's newest {@code
   * last_seen}, less {@code overlap}; with no overlap strictly after it.
   */
  CortexXdrCursor nextDelta(Duration overlap) {
    long from = Math.max(0, maxLastSeen + 1 - overlap.toMillis());
    return new CortexXdrCursor(Mode.DELTA, from, "", 0, maxLastSeen);
  }

  /**
   * This cursor moved past {@code endpointId}, found at {@code offset} - 1, seen at {@code
   * lastSeen}.
   */
  CortexXdrCursor after(String endpointId, long nextOffset, long lastSeen) {
    return new CortexXdrCursor(
        mode, lastSeenFrom, endpointId, nextOffset, Math.max(maxLastSeen, lastSeen));
  }

  /** The same place, with a corrected offset hint. */
  CortexXdrCursor at(long nextOffset) {
    return new CortexXdrCursor(mode, lastSeenFrom, lastId, nextOffset, maxLastSeen);
  }

  /** Whether an endpoint with this id was already emitted by this read. */
  boolean covers(String endpointId) {
    return !lastId.isEmpty() && endpointId.compareTo(lastId) <= 0;
  }

  Checkpoint toCheckpoint(String stream, boolean complete) {
    ObjectNode state =
        CortexXdrWire.JSON
            .createObjectNode()
            .put("mode", mode.name())
            .put("lastSeenFrom", lastSeenFrom)
            .put("lastId", lastId)
            .put("offset", offset)
            .put("maxLastSeen", maxLastSeen);
    return new Checkpoint(stream, VERSION, state.toString(), complete);
  }

  /** Reads a checkpoint of {@code stream}; refuses another version or a damaged state. */
  static CortexXdrCursor fromCheckpoint(String stream, Checkpoint checkpoint) {
    return CheckpointStates.read(
        checkpoint,
        stream,
        VERSION,
        "Cortex XDR",
        CortexXdrWire.JSON,
        state ->
            new CortexXdrCursor(
                Mode.valueOf(text(state, "mode")),
                number(state, "lastSeenFrom"),
                text(state, "lastId"),
                number(state, "offset"),
                number(state, "maxLastSeen")));
  }
}
