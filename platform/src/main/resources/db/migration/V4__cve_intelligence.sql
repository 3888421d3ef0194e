-- Offline CVE intelligence: every imported file is a versioned load, and each CVE keeps the
-- latest values per source with the load they came from, so a score can name its evidence.

CREATE TABLE intel_load (
    id           bigserial PRIMARY KEY,
    source       text        NOT NULL CHECK (source IN ('KEV', 'EPSS', 'NVD')),
    file_name    text        NOT NULL,
    sha256       text        NOT NULL,
    -- KEV catalogVersion, EPSS model_version, NVD "<format> <version>"; NULL when the file has none
    version      text,
    -- KEV dateReleased, EPSS score_date, NVD feed timestamp (else its newest lastModified)
    source_date  timestamptz,
    loaded_at    timestamptz NOT NULL,
    records      bigint      NOT NULL DEFAULT 0,
    inserted     bigint      NOT NULL DEFAULT 0,
    updated      bigint      NOT NULL DEFAULT 0,
    unchanged    bigint      NOT NULL DEFAULT 0,
    removed      bigint      NOT NULL DEFAULT 0   -- KEV only: CVEs no longer in the catalog
);
CREATE INDEX intel_load_source ON intel_load (source, loaded_at DESC);

CREATE TABLE cve_intel (
    cve_id             text PRIMARY KEY,
    -- CISA KEV: a full catalog replaces the previous one, so in_kev can turn false again
    in_kev             boolean     NOT NULL DEFAULT false,
    kev_date_added     date,
    kev_due_date       date,
    kev_ransomware     text        CHECK (kev_ransomware IN ('known', 'unknown')),
    kev_load_id        bigint      REFERENCES intel_load (id),
    -- FIRST EPSS: probability and percentile (0..1) as of epss_date (NULL for undated slices)
    epss_score         double precision CHECK (epss_score BETWEEN 0 AND 1),
    epss_percentile    double precision CHECK (epss_percentile BETWEEN 0 AND 1),
    epss_date          date,
    epss_load_id       bigint      REFERENCES intel_load (id),
    -- NVD CVE 2.0; nvd_last_modified keeps an older record from overwriting a newer one
    cvss_v3_base       numeric(3, 1) CHECK (cvss_v3_base BETWEEN 0 AND 10),
    cvss_v3_vector     text,
    cvss_v2_base       numeric(3, 1) CHECK (cvss_v2_base BETWEEN 0 AND 10),
    nvd_published      timestamptz,
    nvd_last_modified  timestamptz,
    nvd_load_id        bigint      REFERENCES intel_load (id),
    -- when any value last changed (the loaded_at of that load): what scoring must revisit
    updated_at         timestamptz NOT NULL
);
CREATE INDEX cve_intel_in_kev ON cve_intel (cve_id) WHERE in_kev;
CREATE INDEX cve_intel_updated ON cve_intel (updated_at);
