package dev.sightline.platform.intel;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A response body on its way into the importer, remembering how far it got and whether the network
 * failed under it: the importer reports a read failure as a damaged file, which a download that
 * broke off is not. A body that stops sending for a whole {@code stallLimit} is closed and reads
 * then fail: java.net.http has no read timeout, and a stalled feed would otherwise hold the update
 * (and its transaction) forever. Read by one thread; watched by a timer.
 */
final class DownloadStream extends FilterInputStream {
  private final Duration stallLimit;
  private volatile long bytes;
  private volatile boolean closed;
  private volatile boolean stalled;
  private IOException failure;

  private DownloadStream(InputStream body, Duration stallLimit) {
    super(body);
    this.stallLimit = stallLimit;
  }

  /** Streams {@code body}, closing it if no byte arrives during a whole {@code stallLimit}. */
  static DownloadStream watched(InputStream body, Duration stallLimit) {
    DownloadStream stream = new DownloadStream(body, stallLimit);
    stream.checkLater(0);
    return stream;
  }

  @Override
  public int read() throws IOException {
    try {
      int b = super.read();
      stalledCheck();
      if (b >= 0) {
        bytes++;
      }
      return b;
    } catch (IOException e) {
      throw failed(e);
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    try {
      int n = super.read(buffer, offset, length);
      stalledCheck();
      if (n > 0) {
        bytes += n;
      }
      return n;
    } catch (IOException e) {
      throw failed(e);
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    super.close();
  }

  long bytes() {
    return bytes;
  }

  /** The network failure (or stall) that ended the download early, if one did. */
  Optional<IOException> failure() {
    return Optional.ofNullable(failure);
  }

  private void stalledCheck() throws IOException {
    if (stalled) {
      throw new Stalled(stallLimit, null);
    }
  }

  /** What a read failed with; once the watch closed the body, the stall is the reason. */
  private IOException failed(IOException e) {
    IOException reported = stalled && !(e instanceof Stalled) ? new Stalled(stallLimit, e) : e;
    failure = reported;
    return reported;
  }

  private static final class Stalled extends IOException {
    Stalled(Duration limit, IOException cause) {
      super(
          "no data arrived for "
              + (limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms")
              + ", so the download was abandoned",
          cause);
    }
  }

  /** Progress is measured in bytes, not time: a period in which none arrived is a stall. */
  private void checkLater(long seen) {
    CompletableFuture.delayedExecutor(stallLimit.toMillis(), TimeUnit.MILLISECONDS)
        .execute(
            () -> {
              if (closed) {
                return;
              }
              long now = bytes;
              if (now != seen) {
                checkLater(now);
                return;
              }
              stalled = true;
              try {
                in.close();
              } catch (IOException e) {
                // closing is how the blocked read is woken; the read reports the stall
              }
            });
  }
}
