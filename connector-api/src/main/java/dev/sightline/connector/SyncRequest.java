package dev.sightline.connector;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one run asks of a connector.
 *
 * @param fetchFrom earliest date of data to fetch; empty means everything
 * @param fullSync true forces a full read even when a delta watermark exists
 */
public record SyncRequest(DataScope scope, Optional<Instant> fetchFrom, boolean fullSync, int pageSize) {

  public SyncRequest {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(fetchFrom, "fetchFrom");
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be positive, was " + pageSize);
    }
  }

  public static SyncRequest everything() {
    return new SyncRequest(DataScope.ASSETS_AND_FINDINGS, Optional.empty(), false, 1000);
  }

  public SyncRequest withPageSize(int size) {
    return new SyncRequest(scope, fetchFrom, fullSync, size);
  }

  public SyncRequest withFullSync(boolean full) {
    return new SyncRequest(scope, fetchFrom, full, pageSize);
  }

  /**
   * The streams this run reads: the assets stream alone when only assets were asked for, else
   * assets and then findings, so findings can refer to assets already stored.
   */
  public List<StreamSpec> streams(StreamSpec assets, StreamSpec findings) {
    return scope == DataScope.ASSETS ? List.of(assets) : List.of(assets, findings);
  }

  /** The seed's "Data to Sync" choice. */
  public enum DataScope {
    ASSETS_AND_FINDINGS,
    ASSETS
  }
}
