package dev.sightline.connector;

import java.util.Objects;
import java.util.Optional;

/**
 * One configuration field of a connector.
 *
 * @param secret a secret is encrypted at rest, masked in every answer and never logged
 * @param maxLength 0 when unbounded
 * @param allowedValues empty when free text
 */
public record ConfigField(
    String name,
    String label,
    String description,
    boolean required,
    boolean secret,
    int maxLength,
    java.util.List<String> allowedValues,
    Optional<String> defaultValue) {

  public ConfigField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(description, "description");
    allowedValues = java.util.List.copyOf(allowedValues);
    Objects.requireNonNull(defaultValue, "defaultValue");
  }

  public static ConfigField text(String name, String label, String description, boolean required) {
    return new ConfigField(
        name, label, description, required, false, 0, java.util.List.of(), Optional.empty());
  }

  public static ConfigField secret(String name, String label, String description) {
    return new ConfigField(
        name, label, description, true, true, 0, java.util.List.of(), Optional.empty());
  }

  public static ConfigField choice(
      String name, String label, String description, java.util.List<String> values, String dflt) {
    return new ConfigField(
        name, label, description, false, false, 0, values, Optional.of(dflt));
  }
}
