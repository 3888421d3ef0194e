package dev.sightline.platform.intel;

import java.time.Instant;

/**
 * One imported file, as recorded in {@code intel_load}: what it was, which version of its source it
 * carried, and what it changed.
 *
 * @param version KEV {@code catalogVersion}, EPSS {@code model_version}, NVD format and version;
 *     null when the file states none (the EPSS slice in ../shared/data has no comment line)
 * @param sourceDate KEV {@code dateReleased}, EPSS {@code score_date}, NVD feed timestamp (else the
 *     newest {@code lastModified} of its records); null when the file states none
 * @param records records read from the file
 * @param inserted CVEs seen for the first time
 * @param updated CVEs whose values from this source changed
 * @param unchanged records that changed nothing (same values, or older than what is stored)
 * @param removed KEV only: CVEs that an earlier catalog listed and this one no longer does
 */
public record IntelLoad(
    long id,
    IntelSource source,
    String fileName,
    String sha256,
    String version,
    Instant sourceDate,
    Instant loadedAt,
    long records,
    long inserted,
    long updated,
    long unchanged,
    long removed) {}
