package dev.sightline.platform.intel;

/** Where a piece of CVE intelligence comes from; each source owns its own columns of a CVE. */
public enum IntelSource {
  /** CISA Known Exploited Vulnerabilities catalog (JSON): exploited in the wild. */
  KEV,
  /** FIRST Exploit Prediction Scoring System (CSV): probability of exploitation in 30 days. */
  EPSS,
  /** NIST National Vulnerability Database, CVE API 2.0 records (JSON): CVSS base scores. */
  NVD
}
