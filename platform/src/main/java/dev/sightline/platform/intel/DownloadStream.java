package dev.sightline.platform.intel;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * A response body on its way into the importer, remembering how far it got and whether the network
 * failed under it: the importer reports a read failure as a damaged file, which a download that
 * broke off is not.
 */
final class DownloadStream extends FilterInputStream {
  private long bytes;
  private IOException failure;

  DownloadStream(InputStream body) {
    super(body);
  }

  @Override
  public int read() throws IOException {
    try {
      int b = super.read();
      if (b >= 0) {
        bytes++;
      }
      return b;
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    try {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        bytes += n;
      }
      return n;
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }

  long bytes() {
    return bytes;
  }

  /** The network failure that ended the download early, if one did. */
  Optional<IOException> failure() {
    return Optional.ofNullable(failure);
  }
}
