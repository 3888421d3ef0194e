package dev.sightline.platform.normalize;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The first step of every rule: vendor strings arrive with padding, NUL bytes (SMBIOS strings read
 * straight from firmware), non-breaking spaces and doubled blanks, and the same word in any case.
 */
final class RawText {
  private static final Pattern BLANKS = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
  private static final Pattern NOT_ALNUM = Pattern.compile("[^A-Z0-9]");

  private RawText() {}

  /** Trimmed, control characters removed, inner blanks collapsed to one space; empty if blank. */
  static Optional<String> clean(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String spaced = BLANKS.matcher(raw).replaceAll(" ");
    String text = CONTROL.matcher(spaced).replaceAll("").strip();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  /** Case folding independent of the JVM's locale (the Turkish dotless i would break "WIN"). */
  static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  static String upper(String text) {
    return text.toUpperCase(Locale.ROOT);
  }

  /**
   * Upper-case letters and digits only, so that "To be filled by O.E.M.", "TO BE FILLED BY OEM" and
   * "To_Be_Filled_By_O.E.M" compare equal against one list entry.
   */
  static String compactKey(String text) {
    return NOT_ALNUM.matcher(upper(text)).replaceAll("");
  }
}
