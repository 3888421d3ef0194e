package dev.sightline.platform.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * JSON for the editable scoring settings. A mapper per call: these are read and written when a user
 * edits a setting, not per finding, and nothing shared stays behind.
 */
final class ScoringJson {
  private ScoringJson() {}

  static String write(Object value) {
    try {
      return mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  /** Reads and validates; a problem is an IllegalArgumentException saying what is wrong. */
  static <T> T read(String json, Class<T> type) {
    try {
      return mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      Throwable cause = e;
      while (cause.getCause() != null) {
        cause = cause.getCause();
      }
      String why =
          cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
      throw new IllegalArgumentException("invalid " + type.getSimpleName() + ": " + why, e);
    }
  }

  private static ObjectMapper mapper() {
    // A misspelt or missing setting is an error, never a silent default.
    return new ObjectMapper()
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  }
}
