package dev.sightline.connector;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One configuration field of a connector.
 *
 * @param kind what the value is, which decides how the platform treats it: a {@link Kind#SECRET} is
 *     encrypted at rest, masked in every answer and never logged; a {@link Kind#VENDOR_URL} is an
 *     address the connector will call, so the platform's outbound target policy checks it
 * @param maxLength 0 when unbounded
 * @param allowedValues empty when free text
 * @param tenantKey the value names which tenant's data the connector reads (an MSSP child's id,
 *     say), so changing it points a stored connector at other data; a {@link Kind#VENDOR_URL}
 *     always does (see {@link #identifiesTenant})
 */
public record ConfigField(
    String name,
    String label,
    String description,
    boolean required,
    Kind kind,
    int maxLength,
    List<String> allowedValues,
    Optional<String> defaultValue,
    boolean tenantKey) {

  /** What a field holds. */
  public enum Kind {
    TEXT,
    SECRET,
    /** An https URL (or a name the connector resolves to one) that the connector calls. */
    VENDOR_URL,
    CHOICE
  }

  public ConfigField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(kind, "kind");
    allowedValues = List.copyOf(allowedValues);
    Objects.requireNonNull(defaultValue, "defaultValue");
  }

  /** A field without a tenant key, as declared before tenant keys existed. */
  public ConfigField(
      String name,
      String label,
      String description,
      boolean required,
      Kind kind,
      int maxLength,
      List<String> allowedValues,
      Optional<String> defaultValue) {
    this(name, label, description, required, kind, maxLength, allowedValues, defaultValue, false);
  }

  /** The same field, declared as naming the tenant. */
  public ConfigField identifyingTenant() {
    return new ConfigField(
        name, label, description, required, kind, maxLength, allowedValues, defaultValue, true);
  }

  /**
   * Whether a changed value points the connector at another tenant (another vendor address, or
   * another tenant at the same address): the platform then asks the user to confirm, since what is
   * stored came from the old one.
   */
  public boolean identifiesTenant() {
    return tenantKey || vendorUrl();
  }

  public boolean secret() {
    return kind == Kind.SECRET;
  }

  public boolean vendorUrl() {
    return kind == Kind.VENDOR_URL;
  }

  public static ConfigField text(String name, String label, String description, boolean required) {
    return new ConfigField(
        name, label, description, required, Kind.TEXT, 0, List.of(), Optional.empty());
  }

  public static ConfigField secret(String name, String label, String description) {
    return new ConfigField(
        name, label, description, true, Kind.SECRET, 0, List.of(), Optional.empty());
  }

  /** The vendor's address; the outbound target policy guards it. */
  public static ConfigField vendorUrl(String name, String label, String description) {
    return new ConfigField(
        name, label, description, true, Kind.VENDOR_URL, 0, List.of(), Optional.empty());
  }

  public static ConfigField choice(
      String name, String label, String description, List<String> values, String dflt) {
    return new ConfigField(
        name, label, description, false, Kind.CHOICE, 0, values, Optional.of(dflt));
  }
}
