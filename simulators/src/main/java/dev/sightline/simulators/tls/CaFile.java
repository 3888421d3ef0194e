package dev.sightline.simulators.tls;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * The PEM file {@code --ca-out} names. Several simulators may name one file (two tenants of one
 * vendor, say): each adds its CA, marked with its URL, and keeps the others', so one file trusts
 * every simulator that wrote to it. A simulator replaces only the CA marked with its own URL, whose
 * simulator is gone since this one holds the port now. Other text (a company CA someone added) is
 * kept as it is. PEM readers (the JDK, OpenSSL, Python's ssl) skip the marker lines.
 */
public final class CaFile {
  private static final String MARKER = "# Sightline simulator CA, ";

  private CaFile() {}

  /**
   * Adds {@code caPem}, the CA of the simulator at {@code url}, to {@code file} (created if
   * missing), replacing an earlier CA marked with the same URL. The file is replaced in one move,
   * so a reader never sees it half written.
   */
  public static void add(Path file, URI url, String caPem) throws IOException {
    String existing = Files.exists(file) ? Files.readString(file, StandardCharsets.US_ASCII) : "";
    Pattern earlier =
        Pattern.compile(
            Pattern.quote(MARKER + url)
                + "\\R-----BEGIN CERTIFICATE-----.*?-----END CERTIFICATE-----\\R?",
            Pattern.DOTALL);
    String kept = earlier.matcher(existing).replaceAll("");
    if (!kept.isEmpty() && !kept.endsWith("\n")) {
      kept += "\n";
    }
    String content = kept + MARKER + url + "\n" + caPem.strip() + "\n";
    Path absolute = file.toAbsolutePath();
    Path temporary =
        Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
    try {
      Files.writeString(temporary, content, StandardCharsets.US_ASCII);
      Files.move(
          temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
