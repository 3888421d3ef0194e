package dev.sightline.platform.db;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One writer of the merged inventory at a time. Page commits, lifecycle recomputes, splits,
 * decisions and rescoring all touch assets, findings and the rescore queue in overlapping sets;
 * taking this transaction-scoped lock first means they cannot deadlock one another, and two
 * connectors reporting the same new machine at once cannot each found an asset for it.
 */
public final class InventoryLock {
  // Any constant works; this one spells "sightinv" so it is recognisable in pg_locks.
  private static final long KEY = 0x7369676874696e76L;

  private InventoryLock() {}

  /** Waits for the lock; it is released when the transaction ends. */
  public static void hold(Connection c) throws SQLException {
    Jdbc.query(c, "SELECT pg_advisory_xact_lock(?)", rs -> null, KEY);
  }
}
