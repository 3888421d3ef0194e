package dev.sightline.server.console.connectors;

import java.util.Locale;

/** How counts and state words read on these pages (times and durations: {@code Times}). */
final class Shown {
  private Shown() {}

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** The seeds' state words: Registered, Scheduled, Processing, Processed, Errored. */
  static String word(String state) {
    if (state == null || state.isEmpty()) {
      return "";
    }
    String lower = state.toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }
}
