package dev.sightline.server.console.inventory;

/** A column a person may show or hide. */
record ColumnChoice(String name, String label, boolean shown) {}
