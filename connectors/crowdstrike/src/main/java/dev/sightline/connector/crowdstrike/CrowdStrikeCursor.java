package dev.sightline.connector.crowdstrike;

import static dev.sightline.connector.CheckpointStates.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.connector.Checkpoint;
import dev.sightline.connector.CheckpointStates;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a read of one stream stands, stored as the checkpoint's JSON state (version 1). It never
 * holds the vendor's {@code after} token, which expires in about two minutes: a resumed read
 * re-derives its place from {@code position}, the (timestamp, id) of the last record emitted.
 *
 * @param windowFrom the start of this read's window, as sent in the filter
 * @param position the last record emitted; ({@code windowFrom}, "") before the first
 * @param maxTimestamp the newest record timestamp seen so far: the next delta's watermark
 */
record CrowdStrikeCursor(Mode mode, Instant windowFrom, Position position, Instant maxTimestamp) {

  static final int VERSION = 1;
  static final Instant EPOCH = Instant.EPOCH;

  CrowdStrikeCursor {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(windowFrom, "windowFrom");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(maxTimestamp, "maxTimestamp");
  }

  /**
   * How the read chose its records. A SAMPLE read (the seeds' Sampling Mode) covers only the
   * sampled hosts: its checkpoint is never the base of a delta or a resume.
   */
  enum Mode {
    FULL,
    DELTA,
    SAMPLE
  }

  /** A record's place in the vendor's sort order: timestamp ascending, then id ascending. */
  record Position(Instant timestamp, String id) implements Comparable<Position> {
    private static final Comparator<Position> ORDER =
        Comparator.comparing(Position::timestamp).thenComparing(Position::id);

    Position {
      Objects.requireNonNull(timestamp, "timestamp");
      Objects.requireNonNull(id, "id");
    }

    @Override
    public int compareTo(Position other) {
      return ORDER.compare(this, other);
    }
  }

  /** A full read of everything from {@code from}. */
  static CrowdStrikeCursor full(Instant from) {
    return new CrowdStrikeCursor(Mode.FULL, from, new Position(from, ""), from);
  }

  /** A read of sampled records from {@code from}. */
  static CrowdStrikeCursor sample(Instant from) {
    return new CrowdStrikeCursor(Mode.SAMPLE, from, new Position(from, ""), from);
  }

  /**
   * The delta that follows a finished read: from the watermark less {@code overlap} (never before
   * {@code notBefore}). With no overlap it starts strictly after the last record read.
   */
  CrowdStrikeCursor nextDelta(Duration overlap, Instant notBefore) {
    Instant from = maxTimestamp.minus(overlap);
    if (from.isBefore(notBefore)) {
      from = notBefore;
    }
    boolean afterLastRecord = overlap.isZero() && position.timestamp().equals(maxTimestamp);
    Position start =
        afterLastRecord && !from.isAfter(maxTimestamp) ? position : new Position(from, "");
    return new CrowdStrikeCursor(Mode.DELTA, from, start, maxTimestamp);
  }

  /** This cursor moved past a record emitted at {@code record}. */
  CrowdStrikeCursor after(Position record) {
    Position next = record.compareTo(position) > 0 ? record : position;
    Instant max = record.timestamp().isAfter(maxTimestamp) ? record.timestamp() : maxTimestamp;
    return new CrowdStrikeCursor(mode, windowFrom, next, max);
  }

  /** Whether a record at {@code record} was already emitted (or lies before the window). */
  boolean covers(Position record) {
    return record.compareTo(position) <= 0;
  }

  /** The filter's lower bound for a query that re-derives the position. */
  Instant resumeFrom() {
    return position.timestamp().isBefore(windowFrom) ? windowFrom : position.timestamp();
  }

  Checkpoint toCheckpoint(String stream, boolean complete) {
    ObjectNode state =
        CrowdStrikeWire.JSON
            .createObjectNode()
            .put("mode", mode.name())
            .put("windowFrom", windowFrom.toString())
            .put("lastTimestamp", position.timestamp().toString())
            .put("lastId", position.id())
            .put("maxTimestamp", maxTimestamp.toString());
    return new Checkpoint(stream, VERSION, state.toString(), complete);
  }

  /** Reads a checkpoint of {@code stream}; refuses another version or a damaged state. */
  static CrowdStrikeCursor fromCheckpoint(String stream, Checkpoint checkpoint) {
    return CheckpointStates.read(
        checkpoint,
        stream,
        VERSION,
        "CrowdStrike",
        CrowdStrikeWire.JSON,
        state ->
            new CrowdStrikeCursor(
                Mode.valueOf(text(state, "mode")),
                Instant.parse(text(state, "windowFrom")),
                new Position(
                    Instant.parse(text(state, "lastTimestamp")), state.path("lastId").asText("")),
                Instant.parse(text(state, "maxTimestamp"))));
  }

  /** The record's (timestamp, id) when it has both, parsed leniently. */
  static Optional<Position> positionOf(JsonNode record, String timestampField) {
    if (record == null || !record.isObject()) {
      return Optional.empty();
    }
    JsonNode ts = record.get(timestampField);
    JsonNode id = record.get(CrowdStrikeStream.TIE_FIELD);
    if (ts == null || !ts.isTextual() || id == null || !id.isValueNode() || id.isNull()) {
      return Optional.empty();
    }
    return parseInstant(ts.asText()).map(t -> new Position(t, id.asText()));
  }

  static Optional<Instant> parseInstant(String text) {
    try {
      return Optional.of(java.time.OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(Instant.parse(text));
      } catch (DateTimeParseException again) {
        return Optional.empty();
      }
    }
  }
}
