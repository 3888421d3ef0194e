package dev.sightline.platform.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the master key: {@code SIGHTLINE_MASTER_KEY} (base64 of 32 bytes, or any passphrase, which
 * is stretched with SHA-256), else a 0600 key file in the data directory, created on first use. The
 * key never lives in the database.
 */
public final class MasterKeys {
  /** The key file's name in the data directory. */
  public static final String KEY_FILE = "master.key";

  private MasterKeys() {}

  public static byte[] resolve(Optional<String> fromEnvironment, Path dataDir) {
    if (fromEnvironment.isPresent() && !fromEnvironment.get().isBlank()) {
      return fromText(fromEnvironment.get().trim());
    }
    return fromFile(dataDir.resolve(KEY_FILE));
  }

  static byte[] fromText(String text) {
    try {
      byte[] decoded = Base64.getDecoder().decode(text);
      if (decoded.length == 32) {
        return decoded;
      }
    } catch (IllegalArgumentException notBase64) {
      // a passphrase: stretched below
    }
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] fromFile(Path file) {
    try {
      if (Files.exists(file)) {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        if (perms.contains(PosixFilePermission.GROUP_READ)
            || perms.contains(PosixFilePermission.OTHERS_READ)) {
          throw new IllegalStateException(
              "The master key file " + file + " is readable by others: run chmod 600 on it");
        }
        byte[] key = Base64.getDecoder().decode(Files.readString(file).trim());
        if (key.length != 32) {
          throw new IllegalStateException(
              "The master key file "
                  + file
                  + " does not hold a 256-bit key: restore it from backup");
        }
        return key;
      }
      Files.createDirectories(file.getParent());
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      Path tmp =
          Files.createTempFile(
              file.getParent(),
              "master",
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(tmp, Base64.getEncoder().encodeToString(key));
      Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the master key file " + file, e);
    }
  }
}
