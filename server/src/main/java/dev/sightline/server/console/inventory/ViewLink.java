package dev.sightline.server.console.inventory;

/** A saved view, as a link that opens the listing with its query, order and columns. */
/**
 * A saved view as the list page offers it: applied by its link, removable by its owner or an admin
 * (the API's rule, {@code SavedView.changeableBy}).
 */
record ViewLink(
    java.util.UUID id, String name, String owner, boolean shared, String href, boolean removable) {}
