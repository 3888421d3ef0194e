package dev.sightline.server.console.inventory;

/**
 * One table cell as a page shows it: its text, a link when it leads somewhere, and a badge class
 * when its value has a colour (severity, band) — the word is always the text beside the colour.
 */
record Cell(String text, String href, String badge, boolean numeric) {
  static Cell text(Object value) {
    return new Cell(value == null ? "" : String.valueOf(value), null, null, false);
  }

  static Cell number(Object value) {
    return new Cell(value == null ? "" : String.valueOf(value), null, null, true);
  }

  static Cell link(Object value, String href) {
    return new Cell(value == null ? "" : String.valueOf(value), href, null, false);
  }

  static Cell badge(Badge badge) {
    return badge == null ? text(null) : new Cell(badge.word(), null, badge.css(), false);
  }
}
