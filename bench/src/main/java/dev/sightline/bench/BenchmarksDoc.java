package dev.sightline.bench;

/**
 * Puts the generated section into {@code docs/benchmarks.md}: between its two markers, replacing
 * the previous run's section; the first time, before the page's first {@code ## } heading (after
 * its introduction), or at the end of a page without one. Everything outside the markers is kept as
 * it was.
 */
final class BenchmarksDoc {
  static final String BEGIN =
      "<!-- ./sightline bench: generated section; the next run replaces it, up to the end marker -->";
  static final String END = "<!-- ./sightline bench: end of generated section -->";

  private BenchmarksDoc() {}

  static String withSection(String page, String section) {
    String block = BEGIN + "\n" + section.stripTrailing() + "\n" + END + "\n";
    int begin = page.indexOf(BEGIN);
    int end = page.indexOf(END);
    if (begin >= 0 && end > begin) {
      int after = end + END.length();
      if (after < page.length() && page.charAt(after) == '\n') {
        after++;
      }
      return page.substring(0, begin) + block + page.substring(after);
    }
    int heading = page.startsWith("## ") ? 0 : page.indexOf("\n## ");
    if (heading < 0) {
      return page + (page.isEmpty() || page.endsWith("\n") ? "" : "\n") + "\n" + block;
    }
    int at = heading == 0 ? 0 : heading + 1;
    return page.substring(0, at) + block + "\n" + page.substring(at);
  }
}
