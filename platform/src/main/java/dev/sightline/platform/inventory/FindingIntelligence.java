package dev.sightline.platform.inventory;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the imported CVE intelligence says about a finding's CVE, read when the finding is read,
 * so a newer import shows on stored findings at once.
 *
 * @param kevRansomware KEV {@code knownRansomwareCampaignUse}: known or unknown
 * @param epssDate the EPSS score date (null for an undated slice)
 */
public record FindingIntelligence(
    boolean inKev,
    LocalDate kevDateAdded,
    LocalDate kevDueDate,
    String kevRansomware,
    Double epssScore,
    Double epssPercentile,
    LocalDate epssDate,
    BigDecimal cvssV3Base,
    String cvssV3Vector,
    BigDecimal cvssV2Base) {}
