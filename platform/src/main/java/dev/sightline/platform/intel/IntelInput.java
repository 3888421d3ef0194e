package dev.sightline.platform.intel;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * Intelligence content opened for reading: gunzipped when it is gzip (FIRST and NVD publish {@code
 * .gz}), and hashed as it arrived (on disk or on the wire) so the recorded SHA-256 matches {@code
 * sha256sum} of the file.
 */
final class IntelInput implements AutoCloseable {
  private final DigestInputStream raw;
  private final InputStream content;

  private IntelInput(DigestInputStream raw, InputStream content) {
    this.raw = raw;
    this.content = content;
  }

  static IntelInput open(Path file) throws IOException {
    return open(Files.newInputStream(file), newDigest());
  }

  /** Reads {@code raw}, feeding every byte to {@code digest} (shared by the pages of one load). */
  static IntelInput open(InputStream raw, MessageDigest digest) throws IOException {
    DigestInputStream hashed = new DigestInputStream(raw, digest);
    BufferedInputStream buffered = new BufferedInputStream(hashed, 1 << 16);
    buffered.mark(2);
    int b1 = buffered.read();
    int b2 = buffered.read();
    buffered.reset();
    boolean gzip = b1 == 0x1f && b2 == 0x8b;
    return new IntelInput(hashed, gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered);
  }

  /** The decoded content; read it once. */
  InputStream content() {
    return content;
  }

  /** Reads whatever the parser left (trailing bytes), so the digest covers the whole input. */
  void drain() throws IOException {
    byte[] sink = new byte[8192];
    while (raw.read(sink) >= 0) {
      // draining only feeds the digest
    }
  }

  /** The hex SHA-256 of everything the digest was fed; resets it. */
  static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  @Override
  public void close() throws IOException {
    content.close();
  }

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
