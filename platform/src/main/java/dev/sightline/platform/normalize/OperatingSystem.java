package dev.sightline.platform.normalize;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An operating system as one product name plus version, whatever the vendor's spelling.
 *
 * @param name the product without edition: "Windows 11", "Windows Server 2019", "macOS", "Ubuntu",
 *     "Red Hat Enterprise Linux"
 * @param version the release within the product: "22H2", "13.4.1", "22.04"
 * @param family {@link #WINDOWS}, {@link #MACOS}, {@link #LINUX} or {@link #OTHER}
 */
public record OperatingSystem(String name, Optional<String> version, String family) {
  public static final String WINDOWS = "Windows";
  public static final String MACOS = "macOS";
  public static final String LINUX = "Linux";
  public static final String OTHER = "Other";

  private static final Set<String> FAMILIES = Set.of(WINDOWS, MACOS, LINUX, OTHER);

  public OperatingSystem {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(family, "family");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    if (!FAMILIES.contains(family)) {
      throw new IllegalArgumentException("family must be one of " + FAMILIES + ", was " + family);
    }
  }
}
