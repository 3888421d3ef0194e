-- Scores are stored so lists can sort and filter by them; they are recomputed for the assets a
-- run touched, and when intelligence, a criticality, a severity mapping or the weights change.

ALTER TABLE finding
    ADD COLUMN qds         smallint CHECK (qds BETWEEN 1 AND 100),
    ADD COLUMN qds_band    text,           -- CRITICAL, HIGH, MEDIUM, LOW
    ADD COLUMN qds_method  text;           -- THREAT_INTELLIGENCE, SEVERITY_MAPPING
-- Scoring rewrites every new finding once, right after the lifecycle inserted it. Free room in
-- each page and no index on the score columns make that a heap-only (HOT) update, which writes
-- no index entries: measured, it halves the cost of the end-of-run scoring (docs/benchmarks.md).
ALTER TABLE finding SET (fillfactor = 80);
-- Accepted risks stop counting only until their date: scoring revisits them when it passes.
CREATE INDEX finding_decision_until ON finding (decision_until) WHERE decision_until IS NOT NULL;

ALTER TABLE asset
    ADD COLUMN criticality       smallint CHECK (criticality BETWEEN 1 AND 5), -- set by a user; NULL = default for its type
    ADD COLUMN criticality_note  text,
    ADD COLUMN risk_score        smallint CHECK (risk_score BETWEEN 0 AND 1000),
    ADD COLUMN risk_band         text,     -- CRITICAL, HIGH, MEDIUM, LOW
    ADD COLUMN acs               smallint, -- the criticality the stored score used
    ADD COLUMN scored_at         timestamptz;
CREATE INDEX asset_risk ON asset (risk_score DESC NULLS LAST);

-- A connector's Risk Severity Mapping when edited; NULL means the seed's defaults.
ALTER TABLE connector ADD COLUMN severity_mapping jsonb;

-- Settings that apply to every asset: the band weights and the default criticality by type.
CREATE TABLE scoring_settings (
    name        text PRIMARY KEY CHECK (name IN ('weights', 'criticality')),
    value       jsonb       NOT NULL,
    updated_at  timestamptz NOT NULL
);

-- Assets whose scores are stale. Durable, so a crash between a change and its rescoring only
-- delays the rescoring; workers take rows with SKIP LOCKED, so several can drain at once.
CREATE TABLE asset_rescore (
    asset_id   bigint      PRIMARY KEY REFERENCES asset (id) ON DELETE CASCADE,
    queued_at  timestamptz NOT NULL
);

ALTER TABLE sync_run
    ADD COLUMN assets_scored  bigint NOT NULL DEFAULT 0,
    -- Milliseconds spent per stage (fetch, map, write, correlate, lifecycle, score).
    ADD COLUMN stage_millis   jsonb  NOT NULL DEFAULT '{}';
