package dev.sightline.server.doctor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** SIGHTLINE_DATA_DIR: there (or creatable) and writable by this user. */
final class DataDirectoryCheck implements DoctorCheck {
  private final Path dir;

  DataDirectoryCheck(Map<String, String> env) {
    this.dir = Settings.dataDir(env);
  }

  @Override
  public List<CheckLine> run() {
    String name = "data directory";
    if (Files.isDirectory(dir)) {
      if (Files.isWritable(dir)) {
        return List.of(CheckLine.ok(name, dir + " is writable"));
      }
      return List.of(
          CheckLine.failed(
              name,
              dir + " is not writable by this user",
              "give the user that runs Sightline write access (chown), or set SIGHTLINE_DATA_DIR"));
    }
    if (Files.exists(dir)) {
      return List.of(
          CheckLine.failed(
              name, dir + " is a file, not a directory", "set SIGHTLINE_DATA_DIR to a directory"));
    }
    Path parent = dir.getParent();
    while (parent != null && !Files.exists(parent)) {
      parent = parent.getParent();
    }
    if (parent != null && Files.isWritable(parent)) {
      return List.of(CheckLine.ok(name, dir + " does not exist yet; serve creates it"));
    }
    return List.of(
        CheckLine.failed(
            name,
            dir + " does not exist and " + parent + " is not writable",
            "create it for the user that runs Sightline, or set SIGHTLINE_DATA_DIR"));
  }
}
