package dev.sightline.server.boot;

import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.secrets.MasterKeys;
import dev.sightline.platform.secrets.SecretCipher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The master key, checked against the secrets already stored: a server that would start with a new
 * key (SIGHTLINE_MASTER_KEY unset and no key file, e.g. a lost data directory) or another key than
 * the one the connectors' secrets were sealed with refuses to start, instead of starting and
 * failing every run.
 */
public final class MasterKeyCheck {
  private MasterKeyCheck() {}

  /** The master key to seal and open secrets with, or a {@link StartupException}. */
  public static byte[] resolve(ServerSettings settings, Jdbc jdbc) {
    Optional<Sealed> stored =
        jdbc.queryOne(
            "SELECT id::text, secrets FROM connector WHERE deleted_at IS NULL"
                + " ORDER BY created_at LIMIT 1",
            rs -> new Sealed(rs.getString(1), rs.getBytes(2)));
    boolean fromEnvironment = settings.masterKey().filter(k -> !k.isBlank()).isPresent();
    Path keyFile = settings.dataDir().resolve(MasterKeys.KEY_FILE);
    if (stored.isPresent() && !fromEnvironment && !Files.exists(keyFile)) {
      throw new StartupException(
          "The database holds connector secrets, but there is no master key to open them:"
              + " SIGHTLINE_MASTER_KEY is not set and there is no key file "
              + keyFile,
          "set SIGHTLINE_MASTER_KEY to the key the other nodes use, or restore the key file "
              + MasterKeys.KEY_FILE
              + " into the data directory from its backup",
          null);
    }
    byte[] key;
    try {
      key = MasterKeys.resolve(settings.masterKey(), settings.dataDir());
    } catch (IllegalStateException | java.io.UncheckedIOException e) {
      throw new StartupException(
          "The master key cannot be used: " + StartupChecks.oneLine(e.getMessage()),
          "set SIGHTLINE_MASTER_KEY, or fix the key file as said",
          e);
    }
    stored.ifPresent(s -> opens(key, s, fromEnvironment, keyFile));
    return key;
  }

  private static void opens(byte[] key, Sealed sealed, boolean fromEnvironment, Path keyFile) {
    try {
      new SecretCipher(key).open(sealed.secrets(), sealed.id());
    } catch (SecretCipher.SecretUnreadableException e) {
      throw new StartupException(
          "The master key "
              + (fromEnvironment ? "in SIGHTLINE_MASTER_KEY" : "in the key file " + keyFile)
              + " does not open the connector secrets stored in the database (they were sealed"
              + " with another key)",
          "set SIGHTLINE_MASTER_KEY to the key the database was set up with (the one the other"
              + " nodes use)",
          null);
    }
  }

  private record Sealed(String id, byte[] secrets) {}
}
