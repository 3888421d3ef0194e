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
 * @param filters the source-side filters the user chose (validated against the descriptor's {@link
 *     ConnectorDescriptor#filters()}); every page of every run, full or delta, honours them
 * @param sampling the seeds' Sampling Mode when the user turned it on; empty reads every asset
 */
public record SyncRequest(
    DataScope scope,
    Optional<Instant> fetchFrom,
    boolean fullSync,
    int pageSize,
    SourceFilters filters,
    Optional<Sampling> sampling) {

  public SyncRequest {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(fetchFrom, "fetchFrom");
    Objects.requireNonNull(filters, "filters");
    Objects.requireNonNull(sampling, "sampling");
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be positive, was " + pageSize);
    }
  }

  /** A request without sampling. */
  public SyncRequest(
      DataScope scope,
      Optional<Instant> fetchFrom,
      boolean fullSync,
      int pageSize,
      SourceFilters filters) {
    this(scope, fetchFrom, fullSync, pageSize, filters, Optional.empty());
  }

  /** A request without source filters. */
  public SyncRequest(DataScope scope, Optional<Instant> fetchFrom, boolean fullSync, int pageSize) {
    this(scope, fetchFrom, fullSync, pageSize, SourceFilters.none());
  }

  public static SyncRequest everything() {
    return new SyncRequest(DataScope.ASSETS_AND_FINDINGS, Optional.empty(), false, 1000);
  }

  public SyncRequest withPageSize(int size) {
    return new SyncRequest(scope, fetchFrom, fullSync, size, filters, sampling);
  }

  public SyncRequest withFullSync(boolean full) {
    return new SyncRequest(scope, fetchFrom, full, pageSize, filters, sampling);
  }

  public SyncRequest withFetchFrom(Instant from) {
    return new SyncRequest(scope, Optional.of(from), fullSync, pageSize, filters, sampling);
  }

  public SyncRequest withSampling(Sampling chosen) {
    return new SyncRequest(scope, fetchFrom, fullSync, pageSize, filters, Optional.of(chosen));
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
