package dev.sightline.server.boot;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Map;

/**
 * What can be checked before anything starts, so that a start which cannot succeed fails in a
 * second with one line rather than after the database and the scheduler came up: the port, the data
 * directory, the CA file, the TLS files and the external database.
 */
public final class StartupChecks {
  private StartupChecks() {}

  public static void verify(ServerSettings settings, Map<String, String> env) {
    port(settings.port());
    dataDirectory(settings.dataDir());
    settings.extraCaPem().ifPresent(pem -> extraCa(pem, env.get("SIGHTLINE_EXTRA_CA_FILE")));
    TlsFiles.check(env);
    if (settings.dbUrl().isPresent()) {
      DatabaseProbe.connect(settings);
    }
  }

  static StartupException portInUse(int port) {
    return new StartupException(
        "Port " + port + " is already in use by another program",
        "stop the program listening on port "
            + port
            + " (e.g. a Sightline already running), or start with --port and a free port",
        null);
  }

  /** The web server binds every address of the port: so does this check. */
  static void port(int port) {
    if (port <= 0) {
      return; // a port chosen at start (tests): nothing to check beforehand
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(port));
    } catch (BindException e) {
      throw portInUse(port);
    } catch (IOException e) {
      throw new StartupException(
          "Cannot listen on port " + port + " (" + e.getMessage() + ")",
          "start with --port and a port this user may open (above 1023 without privileges)",
          e);
    }
  }

  /** The data directory exists, or can be made, and this user can write in it. */
  static void dataDirectory(Path dir) {
    String fix =
        "set SIGHTLINE_DATA_DIR to a directory this user may write, or give this user write"
            + " access to "
            + dir;
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new StartupException(
          "The data directory " + dir + " is a file, not a directory", fix, null);
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StartupException(
          "The data directory " + dir + " cannot be created (" + reason(e) + ")", fix, e);
    }
    try {
      Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
      Files.delete(probe);
    } catch (IOException e) {
      throw new StartupException(
          "The data directory " + dir + " is not writable (" + reason(e) + ")", fix, e);
    }
  }

  /** The extra CA file holds certificates in PEM: a bad file fails here, not at the first call. */
  static void extraCa(String pem, String file) {
    String named = file == null ? "The extra CA certificates" : "SIGHTLINE_EXTRA_CA_FILE " + file;
    String fix =
        "put the CA certificates in it as PEM (-----BEGIN CERTIFICATE----- blocks), or unset"
            + " SIGHTLINE_EXTRA_CA_FILE";
    try {
      if (CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
          .isEmpty()) {
        throw new StartupException(named + " holds no certificate", fix, null);
      }
    } catch (CertificateException e) {
      throw new StartupException(
          named + " cannot be read as PEM certificates (" + oneLine(e.getMessage()) + ")", fix, e);
    }
  }

  private static String reason(IOException e) {
    String kind = e.getClass().getSimpleName();
    return switch (kind) {
      case "AccessDeniedException" -> "permission denied";
      case "FileSystemException" -> oneLine(((java.nio.file.FileSystemException) e).getReason());
      case "NotDirectoryException", "FileAlreadyExistsException" ->
          "a file stands where a directory is needed: " + e.getMessage();
      default -> oneLine(e.getMessage());
    };
  }

  static String oneLine(String text) {
    return text == null ? "no reason given" : text.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
