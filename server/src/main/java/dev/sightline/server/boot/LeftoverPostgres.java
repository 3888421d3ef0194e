package dev.sightline.server.boot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL a server left behind when it died without stopping it (kill -9, the OOM
 * killer): found through the data directory's {@code postmaster.pid} and stopped cleanly before a
 * new one starts, and, while a server runs, a watchdog that stops its PostgreSQL if the server's
 * JVM disappears.
 */
final class LeftoverPostgres {
  private static final Logger LOG = LoggerFactory.getLogger(LeftoverPostgres.class);
  private static final Duration SMART_STOP = Duration.ofSeconds(60);
  private static final Duration FORCED_STOP = Duration.ofSeconds(15);

  private LeftoverPostgres() {}

  /** The PID a running PostgreSQL wrote into its data directory, if that process is alive. */
  static Optional<ProcessHandle> running(Path pgDir) {
    Path pidFile = pgDir.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    try {
      List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
      if (lines.isEmpty()) {
        return Optional.empty();
      }
      long pid = Long.parseLong(lines.get(0).trim());
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty(); // unreadable or half-written: PostgreSQL judges it when it starts
    }
  }

  /**
   * Stops a PostgreSQL still running on the data directory: a smart shutdown (it has no clients
   * left: their server is gone), forced if it does not come.
   */
  static void stopIfRunning(Path pgDir) {
    Optional<ProcessHandle> leftover = running(pgDir);
    if (leftover.isEmpty()) {
      return;
    }
    ProcessHandle pg = leftover.get();
    LOG.warn(
        "A PostgreSQL (pid {}) left by a server that did not stop cleanly still runs on {}:"
            + " stopping it before starting",
        pg.pid(),
        pgDir);
    pg.destroy();
    if (!waitFor(pg, SMART_STOP)) {
      LOG.warn("PostgreSQL (pid {}) did not stop within {}: killing it", pg.pid(), SMART_STOP);
      pg.destroyForcibly();
      if (!waitFor(pg, FORCED_STOP)) {
        throw new StartupException(
            "A PostgreSQL (pid " + pg.pid() + ") still holds the data directory " + pgDir,
            "stop that process, then start Sightline again",
            null);
      }
    }
  }

  private static boolean waitFor(ProcessHandle p, Duration limit) {
    try {
      p.onExit().get(limit.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    } catch (java.util.concurrent.ExecutionException e) {
      return !p.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !p.isAlive();
    }
  }

  /**
   * A small shell process that waits for this JVM to end and then asks the embedded PostgreSQL to
   * stop (a fast shutdown), so a killed server does not leave it running; empty where there is no
   * POSIX shell. Destroy it when the server stops PostgreSQL itself.
   */
  static Optional<Process> watchdog(Path pgDir) {
    Path sh = Path.of("/bin/sh");
    Optional<ProcessHandle> pg = running(pgDir);
    if (!Files.isExecutable(sh) || pg.isEmpty()) {
      return Optional.empty();
    }
    long jvm = ProcessHandle.current().pid();
    String script =
        "while kill -0 "
            + jvm
            + " 2>/dev/null; do sleep 1; done; kill -INT "
            + pg.get().pid()
            + " 2>/dev/null";
    try {
      Process watchdog =
          new ProcessBuilder(sh.toString(), "-c", script)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return Optional.of(watchdog);
    } catch (IOException e) {
      LOG.warn(
          "No watchdog for the embedded PostgreSQL ({}): stop it by hand if the server"
              + " is killed",
          e.getMessage());
      return Optional.empty();
    }
  }
}
