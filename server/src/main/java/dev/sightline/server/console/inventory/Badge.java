package dev.sightline.server.console.inventory;

import java.util.Locale;

/**
 * A coloured badge and the word that says the same thing, so that colour never stands alone
 * (UI.md): severity 1–5 in the seeds' scale, and the risk and QDS bands in the same colours.
 */
record Badge(String word, String css) {
  private static final String[] SEVERITY_WORDS = {
    "", "1 Minimal", "2 Medium", "3 Serious", "4 Critical", "5 Urgent"
  };

  /** A severity 1–5; null for any other value. */
  static Badge severity(Integer severity) {
    if (severity == null || severity < 1 || severity > 5) {
      return null;
    }
    return new Badge(SEVERITY_WORDS[severity], "badge sev-" + severity);
  }

  /** A risk or QDS band (CRITICAL, HIGH, MEDIUM, LOW) in the colour of its severity. */
  static Badge band(String band) {
    if (band == null) {
      return null;
    }
    int level =
        switch (band.toUpperCase(Locale.ROOT)) {
          case "CRITICAL" -> 5;
          case "HIGH" -> 4;
          case "MEDIUM" -> 3;
          case "LOW" -> 2;
          default -> 1;
        };
    String word = band.charAt(0) + band.substring(1).toLowerCase(Locale.ROOT);
    return new Badge(word, "badge sev-" + level);
  }

  /** A score and its band in one badge: "812 High". */
  static Badge score(Integer score, String band) {
    Badge b = band(band);
    if (score == null || b == null) {
      return b;
    }
    return new Badge(score + " " + b.word(), b.css());
  }
}
