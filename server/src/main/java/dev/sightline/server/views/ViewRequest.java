package dev.sightline.server.views;

import dev.sightline.platform.savedviews.ViewDraft;
import java.util.List;

/**
 * A view as a client sends it. On {@code PATCH} a field left out keeps its value; {@code "sort":
 * ""} returns to the default order and {@code "columns": []} to the default columns.
 *
 * @param entity {@code ASSETS} or {@code FINDINGS}
 * @param query the query text; empty selects everything
 * @param sort a sortable token, {@code -} first for descending ({@code -finding.qds})
 * @param columns export column names ({@code GET /api/v1/…/export?columns=})
 * @param shared every reader of the inventory sees it; otherwise only its owner (default false)
 */
record ViewRequest(
    String name, String entity, String query, String sort, List<String> columns, Boolean shared) {

  ViewDraft draft() {
    return new ViewDraft(name, entity, query, sort, columns, shared);
  }
}
