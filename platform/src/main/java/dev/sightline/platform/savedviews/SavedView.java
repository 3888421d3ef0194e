package dev.sightline.platform.savedviews;

import dev.sightline.platform.query.QueryEntity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A saved view: a named query over assets or findings, with its order and export columns.
 *
 * @param owner the owner's user name
 * @param sort a sortable token ({@code -finding.qds}), null for the listing's default order
 * @param columns export column names; empty: the export's defaults
 * @param shared every reader of the inventory sees it; otherwise only its owner
 */
public record SavedView(
    UUID id,
    UUID ownerId,
    String owner,
    String name,
    QueryEntity entity,
    String query,
    String sort,
    List<String> columns,
    boolean shared,
    Instant createdAt,
    Instant updatedAt) {
  public SavedView {
    columns = List.copyOf(columns);
  }

  /** Who may change or remove the view: its owner, or an admin (others only read a shared one). */
  public boolean changeableBy(UUID userId, boolean admin) {
    return admin || ownerId.equals(userId);
  }
}
