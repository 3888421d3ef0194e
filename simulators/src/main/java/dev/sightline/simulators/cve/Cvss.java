package dev.sightline.simulators.cve;

import dev.sightline.simulators.fleet.SeededDraws;

/**
 * A CVSS 3.1 base vector and the scores the specification derives from it, so that every simulated
 * {@code base_score}, {@code severity}, {@code exploitability_score} and {@code impact_score}
 * agrees with its {@code vector} the way NVD data does.
 */
record Cvss(String vector, double baseScore, double exploitabilityScore, double impactScore) {

  static Cvss draw(SeededDraws d, boolean noImpact) {
    char av = weighted(d, "NLAP", 60, 30, 5, 5);
    char ac = d.chance(0.85) ? 'L' : 'H';
    char pr = weighted(d, "NLH", 55, 35, 10);
    char ui = d.chance(0.6) ? 'N' : 'R';
    char s = d.chance(0.85) ? 'U' : 'C';
    char c = noImpact ? 'N' : weighted(d, "HLN", 55, 25, 20);
    char i = noImpact ? 'N' : weighted(d, "HLN", 50, 25, 25);
    char a = noImpact ? 'N' : weighted(d, "HLN", 50, 15, 35);
    if (!noImpact && c == 'N' && i == 'N' && a == 'N') {
      c = 'L';
    }
    return of(av, ac, pr, ui, s, c, i, a);
  }

  static Cvss of(char av, char ac, char pr, char ui, char s, char c, char i, char a) {
    boolean changed = s == 'C';
    double iss = 1 - (1 - cia(c)) * (1 - cia(i)) * (1 - cia(a));
    double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
    double exploitability =
        8.22
            * attackVector(av)
            * (ac == 'L' ? 0.77 : 0.44)
            * privileges(pr, changed)
            * (ui == 'N' ? 0.85 : 0.62);
    double base =
        impact <= 0
            ? 0
            : changed
                ? roundUp(Math.min(1.08 * (impact + exploitability), 10))
                : roundUp(Math.min(impact + exploitability, 10));
    String vector =
        "CVSS:3.1/AV:"
            + av
            + "/AC:"
            + ac
            + "/PR:"
            + pr
            + "/UI:"
            + ui
            + "/S:"
            + s
            + "/C:"
            + c
            + "/I:"
            + i
            + "/A:"
            + a;
    return new Cvss(vector, base, round1(exploitability), impact <= 0 ? 0 : round1(impact));
  }

  /** Qualitative rating per CVSS 3.1 section 5. */
  String severity() {
    if (baseScore == 0) {
      return "NONE";
    }
    return baseScore < 4 ? "LOW" : baseScore < 7 ? "MEDIUM" : baseScore < 9 ? "HIGH" : "CRITICAL";
  }

  private static double cia(char v) {
    return v == 'H' ? 0.56 : v == 'L' ? 0.22 : 0;
  }

  private static double attackVector(char v) {
    return switch (v) {
      case 'N' -> 0.85;
      case 'A' -> 0.62;
      case 'L' -> 0.55;
      default -> 0.2;
    };
  }

  private static double privileges(char v, boolean changed) {
    return switch (v) {
      case 'N' -> 0.85;
      case 'L' -> changed ? 0.68 : 0.62;
      default -> changed ? 0.5 : 0.27;
    };
  }

  /** The specification's Roundup, which avoids floating-point surprises such as 4.000001 → 4.1. */
  private static double roundUp(double value) {
    long scaled = Math.round(value * 100_000);
    return scaled % 10_000 == 0 ? scaled / 100_000.0 : (Math.floorDiv(scaled, 10_000) + 1) / 10.0;
  }

  private static double round1(double value) {
    return Math.round(value * 10) / 10.0;
  }

  private static char weighted(SeededDraws d, String options, int... weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int r = d.nextInt(total);
    for (int k = 0; k < weights.length; k++) {
      r -= weights[k];
      if (r < 0) {
        return options.charAt(k);
      }
    }
    return options.charAt(options.length() - 1);
  }
}
