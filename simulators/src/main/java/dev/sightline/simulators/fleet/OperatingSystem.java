package dev.sightline.simulators.fleet;

import java.util.Objects;

/**
 * An operating system release as the machine itself reports it. Vendors spell it differently
 * (CrowdStrike: {@code os_version "Windows 11"} / {@code "Sonoma (14)"}), so the fleet keeps the
 * parts.
 *
 * @param name marketing name: "Windows 11", "Windows Server 2022", "macOS Sonoma", "Ubuntu 22.04"
 * @param productName the full product string: "Windows 11 Enterprise", "macOS", "Ubuntu"
 * @param codename release codename ("Sonoma", "jammy") or empty
 * @param build OS build ("22631", "23E224", "") as the OS reports it
 */
public record OperatingSystem(
    OsFamily family,
    String name,
    String productName,
    String codename,
    int majorVersion,
    int minorVersion,
    String build,
    String kernelVersion,
    boolean endOfLife) {
  public OperatingSystem {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(productName, "productName");
    Objects.requireNonNull(codename, "codename");
    Objects.requireNonNull(build, "build");
    Objects.requireNonNull(kernelVersion, "kernelVersion");
  }
}
