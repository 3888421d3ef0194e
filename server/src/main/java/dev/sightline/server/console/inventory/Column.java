package dev.sightline.server.console.inventory;

import java.util.function.Function;

/**
 * A column of a listing: its name (the export's column name, so a choice of columns carries over to
 * the export buttons and to saved views), its heading, the token it sorts by (null: not sortable)
 * and how a row shows in it.
 */
record Column<V>(String name, String label, String sortToken, Function<V, Cell> cell) {}
