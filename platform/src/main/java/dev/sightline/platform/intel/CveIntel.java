package dev.sightline.platform.intel;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What is known about one CVE from the imported intelligence. Values a source has not provided are
 * null (a CVE can be in EPSS and not in NVD yet); {@code inKev} is false unless a loaded KEV
 * catalog lists it.
 *
 * @param kevKnownRansomware KEV {@code knownRansomwareCampaignUse} is "Known"
 * @param epssDate the EPSS {@code score_date}; null for an undated EPSS slice
 * @param cvssV3Base NVD CVSS v3.x base score (or, when no NVD record was loaded, the CVSS3 column
 *     of an EPSS slice that carries one)
 */
public record CveIntel(
    String cveId,
    boolean inKev,
    LocalDate kevDateAdded,
    LocalDate kevDueDate,
    boolean kevKnownRansomware,
    Long kevLoadId,
    Double epssScore,
    Double epssPercentile,
    LocalDate epssDate,
    Long epssLoadId,
    Double cvssV3Base,
    String cvssV3Vector,
    Double cvssV2Base,
    Instant nvdPublished,
    Long nvdLoadId,
    Instant updatedAt) {}
