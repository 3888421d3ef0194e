package dev.sightline.connector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.format.DateTimeParseException;

/**
 * Reads a connector's own checkpoint state, a JSON object. A checkpoint of another stream or
 * version, or a damaged one, is refused with a failure that tells the user to run a full sync,
 * since only a read from the start can replace it. Stateless.
 */
public final class CheckpointStates {
  private CheckpointStates() {}

  /**
   * Turns the parsed state into the connector's cursor; throws {@link IllegalArgumentException} or
   * {@link DateTimeParseException} for a missing or malformed field.
   */
  @FunctionalInterface
  public interface Reader<T> {
    T read(JsonNode state);
  }

  /**
   * Reads {@code checkpoint} of {@code stream} at {@code version}.
   *
   * @param vendor the vendor as the user knows it, for the failure message
   */
  public static <T> T read(
      Checkpoint checkpoint,
      String stream,
      int version,
      String vendor,
      ObjectMapper json,
      Reader<T> reader) {
    if (!checkpoint.stream().equals(stream)) {
      throw unreadable(
          vendor, "it belongs to stream '" + checkpoint.stream() + "', not '" + stream + "'");
    }
    if (checkpoint.version() != version) {
      throw unreadable(
          vendor,
          "it has version "
              + checkpoint.version()
              + " and this connector reads version "
              + version);
    }
    try {
      return reader.read(json.readTree(checkpoint.state()));
    } catch (JsonProcessingException | IllegalArgumentException | DateTimeParseException e) {
      throw unreadable(vendor, "its state is damaged (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** A text field the state must have. */
  public static String text(JsonNode state, String field) {
    JsonNode node = state.get(field);
    if (node == null || !node.isTextual()) {
      throw new IllegalArgumentException("missing " + field);
    }
    return node.asText();
  }

  /** A whole-number field the state must have. */
  public static long number(JsonNode state, String field) {
    JsonNode node = state.get(field);
    if (node == null || !node.canConvertToLong() || !node.isIntegralNumber()) {
      throw new IllegalArgumentException("missing " + field);
    }
    return node.asLong();
  }

  private static PermanentException unreadable(String vendor, String why) {
    return new PermanentException(
        "The stored " + vendor + " checkpoint cannot be used: " + why,
        "run a full sync, which starts without a checkpoint");
  }
}
