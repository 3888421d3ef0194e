package dev.sightline.server.doctor;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The settings the doctor reads, named and defaulted as {@code serve} reads them. */
final class Settings {
  private Settings() {}

  static Path dataDir(Map<String, String> env) {
    return Path.of(value(env, "SIGHTLINE_DATA_DIR").orElse("./.sightline"))
        .toAbsolutePath()
        .normalize();
  }

  static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }
}
