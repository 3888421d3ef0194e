package dev.sightline.connector;

import java.util.List;
import java.util.Optional;

/**
 * One configured connection to a vendor tenant. Created per run (or per test-connection) and closed
 * afterwards; used by one thread at a time.
 */
public interface Connector extends AutoCloseable {

  /** The five named checks of Test Connection, in order; a failed check stops the ones after it. */
  List<CheckResult> testConnection() throws InterruptedException;

  /** The streams to read for this request, in the order they must be read (assets first). */
  List<StreamSpec> streams(SyncRequest request);

  /**
   * Opens a stream. With a checkpoint of an unfinished read it resumes after the last committed
   * page; with the checkpoint that ended a finished read it starts a delta from that watermark
   * (when the connector supports delta); with none it reads everything.
   */
  StreamReader open(StreamSpec stream, SyncRequest request, Optional<Checkpoint> from);

  @Override
  void close();
}
