package dev.sightline.platform.scoring;

import java.util.List;

/**
 * A finding's QDS and how it was reached.
 *
 * @param qds 1–100
 * @param method which rule scored it
 * @param rule the formula that combined the terms, in words
 * @param terms the steps, in order; for {@link Method#THREAT_INTELLIGENCE} the QDS is the rounded
 *     sum of their values, then capped as the rule says
 */
public record FindingScore(
    int qds, QdsBand band, Method method, String rule, List<ScoreTerm> terms) {

  /** How a finding was scored. */
  public enum Method {
    /** From CVE intelligence: CVSS, CISA KEV, EPSS and the source's exploit signals. */
    THREAT_INTELLIGENCE,
    /** From the connector's Risk Severity Mapping: no CVE, or nothing known about it. */
    SEVERITY_MAPPING
  }

  public FindingScore {
    if (band != QdsBand.of(qds)) {
      throw new IllegalArgumentException("QDS " + qds + " is in band " + QdsBand.of(qds));
    }
    terms = List.copyOf(terms);
  }
}
