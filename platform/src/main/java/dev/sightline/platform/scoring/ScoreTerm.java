package dev.sightline.platform.scoring;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step of a score, for the person asking "why this number": what it is, what went in, and what
 * came out. Serializes to JSON as is (the API's score explanations are lists of these).
 *
 * @param name a stable identifier, e.g. {@code technical}, {@code count.critical}
 * @param description the step in words, with its figures
 * @param inputs the values used, in the order they matter (values may be null: "not known")
 * @param value what the step contributes
 */
public record ScoreTerm(
    String name, String description, Map<String, Object> inputs, BigDecimal value) {

  public ScoreTerm {
    if (name == null || name.isBlank() || description == null || value == null) {
      throw new IllegalArgumentException("a score term needs a name, a description and a value");
    }
    inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
  }
}
