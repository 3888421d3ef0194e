package dev.sightline.platform.normalize;

import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Vendor severity words on one 1–5 scale (5 = critical), the scale the per-connector severity
 * mapping and scoring start from (DESIGN.md § Scoring).
 *
 * <p>Spellings: CrowdStrike {@code cve.severity} UNKNOWN / NONE / LOW / MEDIUM / HIGH / CRITICAL
 * (vendors/crowdstrike.md §2.1); Cortex {@code va_cves.severity} CRITICAL … INFORMATIONAL / NONE,
 * written "ENUM.CRITICAL" in XQL (vendors/cortex-xdr.md §3.2); Cortex alert and rule severities
 * SEV_010_INFO … SEV_050_CRITICAL, SEV_090_UNKNOWN (demisto/content CortexXDRIR {@code
 * xdr_severity_to_demisto}); "IMPORTANT" and "MODERATE" from Microsoft and Red Hat advisories.
 * "1"–"5" pass through. UNKNOWN, blank and anything else give empty, so an unknown severity falls
 * to the connector's default severity instead of being guessed.
 */
public final class Severities {
  private static final Map<String, Integer> WORDS =
      Map.ofEntries(
          Map.entry("CRITICAL", 5),
          Map.entry("HIGH", 4),
          Map.entry("IMPORTANT", 4),
          Map.entry("MEDIUM", 3),
          Map.entry("MODERATE", 3),
          Map.entry("LOW", 2),
          Map.entry("NONE", 1),
          Map.entry("INFORMATIONAL", 1),
          Map.entry("INFO", 1),
          Map.entry("1", 1),
          Map.entry("2", 2),
          Map.entry("3", 3),
          Map.entry("4", 4),
          Map.entry("5", 5));

  private static final Pattern DECORATION = Pattern.compile("^(?:ENUM\\.|SEV_\\d+_)");

  private Severities() {}

  public static OptionalInt fromVendorWord(String raw) {
    return RawText.clean(raw)
        .map(RawText::upper)
        .map(s -> DECORATION.matcher(s).replaceFirst(""))
        .map(WORDS::get)
        .map(OptionalInt::of)
        .orElse(OptionalInt.empty());
  }
}
