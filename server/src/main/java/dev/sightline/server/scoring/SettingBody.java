package dev.sightline.server.scoring;

import dev.sightline.platform.errors.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Checks a scoring setting's typed body the way the platform checked its JSON before bodies were
 * typed: a field the setting does not have, or a required one missing, is refused (a misspelt
 * setting must never fall back silently); then the platform's value type validates the values.
 * Every problem found is named in one 400, and nothing is stored.
 */
final class SettingBody {
  private final String setting;
  private final String type;
  private final List<String> problems = new ArrayList<>();

  /**
   * @param setting the problem's field, as the platform names the setting ("weights")
   * @param type the platform's value type, as its own messages name it ("RiskWeights")
   */
  SettingBody(String setting, String type) {
    this.setting = setting;
    this.type = type;
  }

  /** Refuses fields the body does not define; {@code where} prefixes the name, "" at the top. */
  SettingBody noOtherFields(String where, Map<String, Object> unknown, String expected) {
    if (unknown != null) {
      unknown
          .keySet()
          .forEach(
              name ->
                  problems.add(
                      where + "unknown field '" + name + "' (the fields are " + expected + ")"));
    }
    return this;
  }

  void problem(String problem) {
    problems.add(problem);
  }

  /** A value the platform's type cannot do without (a primitive there); null if missing. */
  <T> T required(String name, T value) {
    if (value == null) {
      problems.add(name + " is required");
    }
    return value;
  }

  /** The platform's value, or a 400 naming every problem found here and by its constructor. */
  <V> V build(Supplier<V> value) {
    if (problems.isEmpty()) {
      try {
        return value.get();
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    throw new InvalidRequestException(
        setting,
        "invalid "
            + type
            + ": "
            + String.join("; ", problems)
            + ". Nothing was changed; fix the values and send the whole setting again.");
  }
}
