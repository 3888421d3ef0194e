package dev.sightline.platform.scoring;

import dev.sightline.platform.scoring.FindingScore.Method;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a finding 1–100 (QDS), in the spirit of Qualys QVS/QDS (research/risk-platforms.md §1):
 * when there is evidence of exploitation in the wild it dominates; otherwise technical severity
 * carries 65% and the likelihood of exploitation 35%. Findings without a CVE, or a CVE nothing is
 * known about, go through the connector's {@link SeverityMapping}. The formula, its constants and
 * worked examples are in docs/scoring.md. Stateless and thread-safe.
 */
public final class FindingScorer {
  // Qualys: without threat attributes, 65% of QVS comes from CVSS, 35% from exploit signals.
  static final BigDecimal TECHNICAL_SHARE = new BigDecimal("0.65");
  static final BigDecimal LIKELIHOOD_POINTS = new BigDecimal("35");
  // EPSS 0.10 sits near the 95th percentile (0.0901 → 0.9487 in ../shared/data): beyond it, a
  // CVE is as likely to be exploited as we can tell, so the likelihood saturates.
  static final BigDecimal EPSS_SATURATION = new BigDecimal("0.10");
  // The Critical band (90–100) is reserved for CVEs exploited in the wild: a prediction (EPSS,
  // ExPRT) or a weaponized exploit alone reaches the top of High at most.
  static final int NOT_EXPLOITED_CAP = 89;
  static final BigDecimal EXPLOITED_FLOOR = new BigDecimal("90");
  static final BigDecimal RANSOMWARE_POINTS = new BigDecimal("4");
  static final BigDecimal EPSS_POINTS = new BigDecimal("3");
  static final BigDecimal CVSS_POINTS = new BigDecimal("3");

  private static final BigDecimal HUNDRED = new BigDecimal("100");
  private static final BigDecimal TEN = BigDecimal.TEN;

  /** The technical severity on 0–100 and where it came from. */
  private record Technical(BigDecimal points, String source, Map<String, Object> inputs) {}

  public FindingScore score(FindingEvidence evidence, SeverityMapping mapping) {
    if (!hasIntelligence(evidence)) {
      return mapped(evidence, mapping);
    }
    Technical technical = technical(evidence, mapping);
    return exploitedInTheWild(evidence)
        ? exploited(evidence, technical)
        : notExploited(evidence, technical);
  }

  /** A CVE with anything known about it; else the mapping decides, as the seed prescribes. */
  static boolean hasIntelligence(FindingEvidence e) {
    return e.cveId() != null
        && (e.cvssV3Base() != null
            || e.cvssV2Base() != null
            || e.vendorCvssBase() != null
            || e.inKev()
            || e.vendorKnownExploited()
            || e.epssScore() != null
            || e.exploitMaturity() != null
            || VendorRiskRating.of(e.vendorRiskRating()).isPresent());
  }

  static boolean exploitedInTheWild(FindingEvidence e) {
    return e.inKev() || e.vendorKnownExploited();
  }

  private static FindingScore mapped(FindingEvidence e, SeverityMapping mapping) {
    SeverityMapping.Mapped m = mapping.map(e.sourceSeverity());
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("connector", mapping.connector());
    inputs.put("sourceSeverity", e.sourceSeverity());
    inputs.put("severity", m.severity());
    inputs.put("usedDefault", m.usedDefault());
    String said =
        m.usedDefault()
            ? (e.sourceSeverity() == null || e.sourceSeverity().isBlank()
                    ? "no severity"
                    : "'" + e.sourceSeverity() + "', not in the table,")
                + " → default severity "
            : "'" + e.sourceSeverity() + "' → severity ";
    ScoreTerm term =
        new ScoreTerm(
            "severityMapping",
            "Source said " + said + m.severity() + " → QDS " + m.qds(),
            inputs,
            BigDecimal.valueOf(m.qds()));
    String rule =
        e.cveId() == null
            ? "No CVE: QDS from the connector's severity mapping"
            : "Nothing known about " + e.cveId() + ": QDS from the connector's severity mapping";
    return new FindingScore(
        m.qds(), QdsBand.of(m.qds()), Method.SEVERITY_MAPPING, rule, List.of(term));
  }

  /** CVSS v3 (NVD), else v2 (NVD), else the source's CVSS, each ×10; else the mapped QDS. */
  private static Technical technical(FindingEvidence e, SeverityMapping mapping) {
    Map<String, Object> inputs = new LinkedHashMap<>();
    Double cvss =
        e.cvssV3Base() != null
            ? e.cvssV3Base()
            : e.cvssV2Base() != null ? e.cvssV2Base() : e.vendorCvssBase();
    if (cvss != null) {
      String source =
          e.cvssV3Base() != null
              ? "NVD CVSS v3 base"
              : e.cvssV2Base() != null ? "NVD CVSS v2 base" : "source CVSS base";
      inputs.put("cvssBase", BigDecimal.valueOf(cvss));
      inputs.put("cvssSource", source);
      return new Technical(
          BigDecimal.valueOf(cvss).multiply(TEN), source + " " + cvss + " × 10", inputs);
    }
    SeverityMapping.Mapped m = mapping.map(e.sourceSeverity());
    inputs.put("sourceSeverity", e.sourceSeverity());
    inputs.put("severity", m.severity());
    inputs.put("mappedQds", m.qds());
    return new Technical(
        BigDecimal.valueOf(m.qds()),
        "no CVSS: severity " + m.severity() + " mapped to " + m.qds(),
        inputs);
  }

  private static FindingScore notExploited(FindingEvidence e, Technical t) {
    List<ScoreTerm> terms = new ArrayList<>();
    terms.add(
        new ScoreTerm(
            "technical",
            "0.65 × technical severity (" + t.source() + " = " + plain(t.points()) + ")",
            t.inputs(),
            two(TECHNICAL_SHARE.multiply(t.points()))));

    BigDecimal maturity =
        e.exploitMaturity() == null
            ? null
            : BigDecimal.valueOf(e.exploitMaturity()).setScale(6, RoundingMode.HALF_UP);
    BigDecimal epss = epssLikelihood(e);
    BigDecimal rating =
        VendorRiskRating.of(e.vendorRiskRating()).map(VendorRiskRating::likelihood).orElse(null);
    BigDecimal known = max(max(maturity, epss), rating);
    BigDecimal likelihood = known == null ? BigDecimal.ZERO : known;
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("exploitMaturity", maturity);
    inputs.put("epssScore", e.epssScore());
    inputs.put("epssPercentile", e.epssPercentile());
    inputs.put("epssLikelihood", epss);
    inputs.put("vendorRiskRating", e.vendorRiskRating());
    inputs.put("vendorRiskLikelihood", rating);
    inputs.put("likelihood", likelihood);
    terms.add(
        new ScoreTerm(
            "likelihood",
            "35 × likelihood of exploitation "
                + plain(likelihood)
                + " (the highest of exploit maturity, EPSS/0.10 and the source's risk rating; 0 when"
                + " none is known)",
            inputs,
            two(LIKELIHOOD_POINTS.multiply(likelihood))));

    int qds = sumRounded(terms);
    if (qds > NOT_EXPLOITED_CAP) {
      terms.add(
          new ScoreTerm(
              "cap",
              "Not exploited in the wild: capped at " + NOT_EXPLOITED_CAP,
              Map.of("uncapped", qds),
              BigDecimal.valueOf(NOT_EXPLOITED_CAP - qds)));
      qds = NOT_EXPLOITED_CAP;
    }
    qds = Math.max(1, qds);
    return new FindingScore(
        qds,
        QdsBand.of(qds),
        Method.THREAT_INTELLIGENCE,
        "Not exploited in the wild: QDS = min(89, round(0.65 × technical + 35 × likelihood))",
        terms);
  }

  private static FindingScore exploited(FindingEvidence e, Technical t) {
    List<ScoreTerm> terms = new ArrayList<>();
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("inKev", e.inKev());
    evidence.put("vendorKnownExploited", e.vendorKnownExploited());
    terms.add(
        new ScoreTerm(
            "exploitedInTheWild",
            "Exploited in the wild (" + exploitationSource(e) + "): the Critical band's floor",
            evidence,
            EXPLOITED_FLOOR));
    terms.add(
        new ScoreTerm(
            "ransomware",
            e.kevKnownRansomware()
                ? "CISA KEV: known ransomware campaign use"
                : "No known ransomware campaign use",
            Map.of("kevKnownRansomware", e.kevKnownRansomware()),
            e.kevKnownRansomware() ? RANSOMWARE_POINTS : BigDecimal.ZERO.setScale(0)));
    BigDecimal epss = epssLikelihood(e);
    Map<String, Object> epssInputs = new LinkedHashMap<>();
    epssInputs.put("epssScore", e.epssScore());
    epssInputs.put("epssPercentile", e.epssPercentile());
    epssInputs.put("epssLikelihood", epss);
    terms.add(
        new ScoreTerm(
            "epss",
            "3 × EPSS likelihood "
                + (epss == null
                    ? "(not known: 0)"
                    : plain(epss) + " (EPSS " + e.epssScore() + " / 0.10, at most 1)"),
            epssInputs,
            epss == null ? BigDecimal.ZERO : two(EPSS_POINTS.multiply(epss))));
    terms.add(
        new ScoreTerm(
            "technical",
            "3 × technical severity / 100 (" + t.source() + " = " + plain(t.points()) + ")",
            t.inputs(),
            two(CVSS_POINTS.multiply(t.points()).divide(HUNDRED))));
    int qds = Math.min(100, sumRounded(terms));
    return new FindingScore(
        qds,
        QdsBand.of(qds),
        Method.THREAT_INTELLIGENCE,
        "Exploited in the wild: QDS = round(90 + 4 × ransomware + 3 × EPSS likelihood"
            + " + 3 × technical / 100)",
        terms);
  }

  private static String exploitationSource(FindingEvidence e) {
    List<String> why = new ArrayList<>();
    if (e.inKev()) {
      why.add("in the CISA KEV catalog");
    }
    if (e.vendorKnownExploited()) {
      why.add("a source says it is exploited in the wild");
    }
    return String.join("; ", why);
  }

  private static BigDecimal epssLikelihood(FindingEvidence e) {
    if (e.epssScore() == null) {
      return null;
    }
    BigDecimal ratio =
        BigDecimal.valueOf(e.epssScore()).divide(EPSS_SATURATION, 6, RoundingMode.HALF_UP);
    return ratio.min(BigDecimal.ONE.setScale(6));
  }

  /** The larger of two likelihoods, either of which may be unknown (null). */
  private static BigDecimal max(BigDecimal a, BigDecimal b) {
    return a == null ? b : b == null ? a : a.max(b);
  }

  private static int sumRounded(List<ScoreTerm> terms) {
    BigDecimal sum = BigDecimal.ZERO;
    for (ScoreTerm term : terms) {
      sum = sum.add(term.value());
    }
    return sum.setScale(0, RoundingMode.HALF_UP).intValueExact();
  }

  static BigDecimal two(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_UP);
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
