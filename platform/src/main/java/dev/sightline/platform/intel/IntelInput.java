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
 * An intelligence file opened for reading: gunzipped when it is gzip (FIRST and NVD publish {@code
 * .gz}), and hashed as stored on disk so the recorded SHA-256 matches {@code sha256sum}.
 */
final class IntelInput implements AutoCloseable {
  private final DigestInputStream raw;
  private final InputStream content;

  private IntelInput(DigestInputStream raw, InputStream content) {
    this.raw = raw;
    this.content = content;
  }

  static IntelInput open(Path file) throws IOException {
    DigestInputStream raw = new DigestInputStream(Files.newInputStream(file), newDigest());
    BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
    buffered.mark(2);
    int b1 = buffered.read();
    int b2 = buffered.read();
    buffered.reset();
    boolean gzip = b1 == 0x1f && b2 == 0x8b;
    return new IntelInput(raw, gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered);
  }

  /** The decoded content; read it once. */
  InputStream content() {
    return content;
  }

  /** The SHA-256 of the whole file: reads whatever the parser left (trailing bytes) first. */
  String sha256() throws IOException {
    byte[] sink = new byte[8192];
    while (raw.read(sink) >= 0) {
      // draining only feeds the digest
    }
    return HexFormat.of().formatHex(raw.getMessageDigest().digest());
  }

  @Override
  public void close() throws IOException {
    content.close();
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
