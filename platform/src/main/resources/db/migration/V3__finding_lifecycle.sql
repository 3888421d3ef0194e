-- Source findings become detections; a finding is the logical (asset, CVE) — or (asset, vendor
-- finding id) without a CVE — with every source's detection attached, and a lifecycle.

ALTER TABLE finding RENAME TO detection;
ALTER SEQUENCE finding_id_seq RENAME TO detection_id_seq;
ALTER INDEX finding_asset RENAME TO detection_source_asset;
ALTER INDEX finding_connector_asset_source RENAME TO detection_connector_asset_source;
ALTER INDEX finding_status RENAME TO detection_status;

ALTER TABLE detection
    ADD COLUMN finding_key    text,         -- the CVE id, or vendor:<connector>:<vendor finding id>
    ADD COLUMN open           boolean NOT NULL DEFAULT true,
    ADD COLUMN last_seen_at   timestamptz,  -- when a read last returned it
    ADD COLUMN changed_at     timestamptz;  -- when its content or open/closed last changed
UPDATE detection SET finding_key = coalesce(cve_id, 'vendor:' || connector_id || ':' || external_finding_id);
ALTER TABLE detection ALTER COLUMN finding_key SET NOT NULL;
CREATE INDEX detection_finding_key ON detection (finding_key);
CREATE INDEX detection_changed_at ON detection (connector_id, changed_at);

-- A full read that was interrupted and resumed is still one read: absence is judged against the
-- time the read began, kept with its checkpoint.
ALTER TABLE stream_checkpoint ADD COLUMN read_started_at timestamptz;
-- Findings are recomputed for what changed since this instant.
ALTER TABLE connector ADD COLUMN lifecycle_applied_at timestamptz;

CREATE TABLE finding (
    id               bigserial PRIMARY KEY,
    asset_id         bigint      NOT NULL REFERENCES asset (id) ON DELETE CASCADE,
    finding_key      text        NOT NULL,
    cve_id           text,
    finding_name     text        NOT NULL,
    severity         integer     NOT NULL,
    state            text        NOT NULL,   -- NEW, ACTIVE, FIXED, REOPENED
    state_run        uuid,                   -- the run that set the state
    first_found      timestamptz,
    last_found       timestamptz,
    fixed_on         timestamptz,
    reopened_on      timestamptz,
    decision         text,                   -- RISK_ACCEPTED, FALSE_POSITIVE (kept over what sources say)
    decision_until   timestamptz,
    decision_note    text,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    UNIQUE (asset_id, finding_key)
);
CREATE INDEX finding_state ON finding (state);
CREATE INDEX finding_cve ON finding (cve_id);

ALTER TABLE sync_run
    ADD COLUMN findings_new       bigint NOT NULL DEFAULT 0,
    ADD COLUMN findings_fixed     bigint NOT NULL DEFAULT 0,
    ADD COLUMN findings_reopened  bigint NOT NULL DEFAULT 0,
    ADD COLUMN findings_unchanged bigint NOT NULL DEFAULT 0;
