package dev.sightline.server.console.inventory;

/** A saved view, as a link that opens the listing with its query, order and columns. */
record ViewLink(String name, String owner, boolean shared, String href) {}
