package dev.sightline.platform.savedviews;

import java.util.List;

/**
 * A view as a client sends it; on an edit, a field left null keeps its value ({@code sort} {@code
 * ""} returns to the default order, {@code columns} {@code []} to the default columns).
 *
 * @param entity {@code ASSETS} or {@code FINDINGS}, any letter case
 */
public record ViewDraft(
    String name, String entity, String query, String sort, List<String> columns, Boolean shared) {}
