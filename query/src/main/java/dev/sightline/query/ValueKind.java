package dev.sightline.query;

/** How a value was written, which decides how it matches. */
public enum ValueKind {
  /**
   * Bare: {@code Server}, {@code 42}, {@code 2026-01-01}, {@code now-7d}, {@code 10.0.0.0/8},
   * {@code win*}. Compared as the token's type reads it; {@code *} is a wildcard.
   */
  WORD,
  /** {@code "…"}: contains the words in this order, any letter case. */
  PHRASE,
  /** {@code `…`}: equals exactly, letter case included. */
  EXACT
}
