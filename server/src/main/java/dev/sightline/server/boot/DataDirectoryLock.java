package dev.sightline.server.boot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One process at a time on a data directory's embedded PostgreSQL: a lock on {@code
 * sightline.lock}, held while the process runs and freed by the system when it ends (even by kill
 * -9). Without it a second server would take the first one's PostgreSQL for a leftover and stop it.
 */
public final class DataDirectoryLock implements AutoCloseable {
  static final String FILE = "sightline.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirectoryLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock, or says which process holds it and what to do. */
  public static DataDirectoryLock claim(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    FileChannel channel = null;
    try {
      Files.createDirectories(dataDir);
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException sameProcess) {
        lock = null;
      }
      if (lock == null) {
        String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
        channel.close();
        throw new StartupException(
            "The data directory "
                + dataDir
                + " is in use by another Sightline process"
                + (holder.isEmpty() ? "" : " (pid " + holder + ")"),
            "stop that process first (a `sightline serve` or `sightline intel` on the same"
                + " directory), or set SIGHTLINE_DATA_DIR to another directory",
            null);
      }
      channel.truncate(0);
      channel.write(
          ByteBuffer.wrap(
              String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)),
          0);
      return new DataDirectoryLock(channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new StartupException(
          "Cannot lock the data directory "
              + dataDir
              + " ("
              + StartupChecks.oneLine(e.getMessage())
              + ")",
          "set SIGHTLINE_DATA_DIR to a directory this user may write",
          e);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing held
      }
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException ignored) {
      // released when the channel closes
    }
    closeQuietly(channel);
  }
}
