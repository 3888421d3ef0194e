package dev.sightline.simulators.cve;

import dev.sightline.simulators.fleet.OsFamily;
import dev.sightline.simulators.fleet.SeededDraws;
import dev.sightline.simulators.fleet.StableHash;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The vulnerability definitions of a tenant, per OS family. Sizes are primes above the largest
 * per-host count, so stepping through a family's entries with a fixed stride gives every host
 * distinct CVEs. Built eagerly: a couple of thousand entries. Dates lie before the tenant anchor.
 */
public final class CveCatalog {
  private static final int[] SIZES = {1009, 307, 509}; // WINDOWS, MAC, LINUX
  private static final long SALT = StableHash.salt("cs.cve");

  /**
   * Walk start salt; the label predates the shared package and is kept so tenants stay
   * byte-identical.
   */
  private static final long WALK_SALT = StableHash.salt("cs.vuln");

  /** Prime step through a family's catalogue: distinct entries for every slot of one host. */
  private static final long WALK_STRIDE = 7919;

  private static final List<String> WEAKNESSES =
      List.of(
          "Use after free",
          "Heap buffer overflow",
          "Type confusion",
          "Out-of-bounds write",
          "Improper input validation",
          "Race condition",
          "Integer overflow",
          "Improper privilege management",
          "Out-of-bounds read",
          "Insufficient access control");
  private static final List<String> CWES =
      List.of(
          "CWE-416", "CWE-122", "CWE-843", "CWE-787", "CWE-20", "CWE-362", "CWE-190", "CWE-269",
          "CWE-125", "CWE-284");
  private static final List<String> OUTCOMES =
      List.of(
          "allowed a remote attacker to potentially exploit heap corruption via a crafted HTML page",
          "allowed a local attacker to elevate privileges",
          "allowed a remote attacker to execute arbitrary code",
          "allowed an unauthenticated attacker to cause a denial of service",
          "allowed an attacker to disclose sensitive information",
          "allowed an attacker who convinced a user to open a crafted file to execute code");

  private final CveEntry[][] entries = new CveEntry[3][];

  public CveCatalog(long seed, long anchorEpochSecond) {
    for (OsFamily family : OsFamily.values()) {
      CveEntry[] list = new CveEntry[SIZES[family.ordinal()]];
      for (int i = 0; i < list.length; i++) {
        list[i] = build(seed, anchorEpochSecond, family, i);
      }
      entries[family.ordinal()] = list;
    }
  }

  public static int size(OsFamily family) {
    return SIZES[family.ordinal()];
  }

  /** Global reference of entry {@code local} of a family, as stored in a {@link Vuln}. */
  public static int ref(OsFamily family, int local) {
    return family.ordinal() * 10_000 + local;
  }

  /** The OS family a reference belongs to. */
  public static OsFamily family(int ref) {
    return OsFamily.values()[ref / 10_000];
  }

  public CveEntry entry(int ref) {
    return entries[ref / 10_000][ref % 10_000];
  }

  /**
   * The catalogue reference at position {@code slot} of a host's walk through its family's entries.
   * The walk starts at a point drawn from {@code hostKey} and steps by a prime larger than any
   * per-host count, so slots 0..20 of one host are distinct entries. Every vendor simulator that
   * walks with the same host key sees the same entries, which is how one machine shows overlapping
   * CVEs in two tenants.
   */
  public static int walk(long seed, long hostKey, OsFamily family, int slot) {
    int size = size(family);
    long start = Long.remainderUnsigned(StableHash.of(seed, hostKey, WALK_SALT), size);
    return ref(family, (int) ((start + slot * WALK_STRIDE) % size));
  }

  private static CveEntry build(long seed, long anchor, OsFamily family, int local) {
    SeededDraws d = new SeededDraws(StableHash.of(seed, family.ordinal(), local, SALT));
    List<Product> products = Product.forFamily(family);
    // Operating systems carry most findings, as in real Spotlight data.
    Product product = d.chance(0.3) ? products.get(0) : d.pick(products);
    String component = d.pick(product.components());
    int bucket = d.nextInt(100);
    boolean unknown = bucket < 2;
    Cvss cvss = unknown ? null : Cvss.draw(d, bucket < 3);
    String severity = unknown ? "UNKNOWN" : cvss.severity();
    boolean kev = !unknown && d.chance(0.06);
    int exploit = kev ? (d.chance(0.8) ? 90 : 60) : exploitStatus(d);
    long published = anchor - 86_400L * d.between(30, 2500) + 60L * d.between(0, 1439);
    published -= Math.floorMod(published, 60); // whole minutes, like NVD dates
    long spotlightPublished = published + 86_400L * d.between(1, 5) + 60L * d.between(0, 600);
    String year = String.valueOf(LocalDate.ofEpochDay(Math.floorDiv(published, 86_400)).getYear());
    int number = 1000 + local * 3 + family.ordinal();
    boolean vendorId = d.chance(0.03);
    String cveNumber = String.format(Locale.ROOT, "%04d", number);
    String id = vendorId ? vendorId(family, year, number) : "CVE-" + year + "-" + cveNumber;
    String fixed = product.versionPrefix() + d.between(1, 9) + "." + d.between(0, 999);
    int weakness = d.nextInt(WEAKNESSES.size());
    String description =
        WEAKNESSES.get(weakness)
            + " in "
            + component
            + " in "
            + product.name()
            + " prior to "
            + fixed
            + " "
            + d.pick(OUTCOMES)
            + ".\n";
    long kevDue = kev ? Math.min(spotlightPublished + 21 * 86_400L, anchor - 86_400L) : -1;
    String remediationId =
        hex32(
            StableHash.of(seed, SALT, product.name().hashCode(), fixed.hashCode()),
            StableHash.of(seed, fixed.hashCode(), SALT));
    return new CveEntry(
        id,
        product,
        component,
        unknown ? 0 : cvss.baseScore(),
        severity,
        unknown ? 0 : cvss.exploitabilityScore(),
        unknown ? 0 : cvss.impactScore(),
        unknown ? "" : cvss.vector(),
        exploit,
        exprt(d, severity, exploit, unknown),
        unknown ? "" : remediationLevel(d),
        kev,
        kevDue,
        description,
        published,
        spotlightPublished,
        references(id),
        List.of(product.vendorUrl() + (vendorId ? "" : "#" + id)),
        List.of(CWES.get(weakness)),
        fixed,
        remediationId);
  }

  private static String vendorId(OsFamily family, String year, int number) {
    return switch (family) {
      case WINDOWS ->
          "ADV" + year.substring(2) + String.format(Locale.ROOT, "%04d", number % 10_000);
      case MAC -> "APPLE-SA-" + year + "-" + String.format(Locale.ROOT, "%04d", number % 10_000);
      case LINUX -> "USN-" + number + "-1";
    };
  }

  private static List<String> references(String id) {
    if (!id.startsWith("CVE-")) {
      return List.of();
    }
    return List.of(
        "https://nvd.nist.gov/vuln/detail/" + id,
        "https://security-tracker.debian.org/tracker/" + id);
  }

  private static int exploitStatus(SeededDraws d) {
    int r = d.nextInt(100);
    return r < 70 ? 0 : r < 85 ? 30 : r < 95 ? 60 : 90;
  }

  private static String exprt(SeededDraws d, String severity, int exploit, boolean unknown) {
    if (unknown || d.chance(0.02)) {
      return "UNKNOWN";
    }
    if (exploit == 90) {
      return "CRITICAL";
    }
    if (exploit == 60) {
      return d.chance(0.5) ? "CRITICAL" : "HIGH";
    }
    return switch (severity) {
      case "CRITICAL" -> d.chance(0.5) ? "HIGH" : "MEDIUM";
      case "HIGH" -> d.chance(0.3) ? "HIGH" : "MEDIUM";
      case "MEDIUM" -> d.chance(0.3) ? "MEDIUM" : "LOW";
      default -> "LOW";
    };
  }

  private static String remediationLevel(SeededDraws d) {
    int r = d.nextInt(100);
    return r < 88 ? "O" : r < 94 ? "U" : r < 97 ? "W" : "T";
  }

  public static String hex32(long hi, long lo) {
    return hex16(hi) + hex16(lo);
  }

  public static String hex16(long v) {
    String s = Long.toHexString(v);
    return s.length() == 16 ? s : "0".repeat(16 - s.length()) + s;
  }
}
