package dev.sightline.server.views;

import dev.sightline.platform.savedviews.SavedView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A saved view as the API shows it.
 *
 * @param owner the owner's user name
 * @param sort null: the listing's default order
 * @param columns empty: the export's default columns
 */
record ViewResponse(
    UUID id,
    String name,
    String entity,
    String query,
    String sort,
    List<String> columns,
    boolean shared,
    UUID ownerId,
    String owner,
    Instant createdAt,
    Instant updatedAt) {

  static ViewResponse of(SavedView v) {
    return new ViewResponse(
        v.id(),
        v.name(),
        v.entity().name(),
        v.query(),
        v.sort(),
        v.columns(),
        v.shared(),
        v.ownerId(),
        v.owner(),
        v.createdAt(),
        v.updatedAt());
  }
}
