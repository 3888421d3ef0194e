package dev.sightline.server.console.inventory;

/**
 * A column heading: a link that sorts by its token when it has one ({@code ariaSort}: how the table
 * is sorted by it now, for screen readers; {@code null} when it is not the order).
 */
record Header(String name, String label, String sortHref, String ariaSort, boolean numeric) {}
