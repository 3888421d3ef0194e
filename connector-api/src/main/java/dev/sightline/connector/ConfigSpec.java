package dev.sightline.connector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The declared configuration of a connector. One declaration drives binding, validation and the
 * console form. {@link #validate} reports every problem and never throws.
 */
public record ConfigSpec(List<ConfigField> fields) {

  public ConfigSpec {
    fields = List.copyOf(fields);
  }

  public Optional<ConfigField> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  public boolean isSecret(String name) {
    return field(name).map(ConfigField::secret).orElse(false);
  }

  /** Every problem with the given values, each naming the field and what to do. */
  public List<ConfigProblem> validate(Map<String, String> values) {
    List<ConfigProblem> problems = new ArrayList<>();
    for (ConfigField f : fields) {
      String v = values.get(f.name());
      boolean blank = v == null || v.isBlank();
      if (f.required() && blank) {
        problems.add(new ConfigProblem(f.name(), f.label() + " is required: " + f.description()));
        continue;
      }
      if (blank) {
        continue;
      }
      if (f.maxLength() > 0 && v.length() > f.maxLength()) {
        problems.add(
            new ConfigProblem(
                f.name(), f.label() + " is longer than " + f.maxLength() + " characters"));
      }
      if (!f.allowedValues().isEmpty() && !f.allowedValues().contains(v)) {
        problems.add(
            new ConfigProblem(
                f.name(), f.label() + " must be one of " + String.join(", ", f.allowedValues())));
      }
    }
    for (String key : values.keySet()) {
      if (field(key).isEmpty()) {
        problems.add(new ConfigProblem(key, "unknown field '" + key + "': remove it"));
      }
    }
    return problems;
  }

  public record ConfigProblem(String field, String message) {}
}
