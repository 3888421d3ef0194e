-- Connectors, runs with their checkpoints, and the inventory each source reports.

CREATE TABLE connector (
    id           uuid PRIMARY KEY,
    type         text        NOT NULL,
    name         text        NOT NULL,
    description  text        NOT NULL DEFAULT '',
    settings     jsonb       NOT NULL,          -- non-secret configuration values
    secrets      bytea       NOT NULL,          -- AES-GCM sealed JSON of the secret values
    data_scope   text        NOT NULL,
    state        text        NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    CONSTRAINT connector_description_length CHECK (char_length(description) <= 164)
);
CREATE UNIQUE INDEX connector_name_unique ON connector (lower(name));

CREATE TABLE sync_run (
    id            uuid PRIMARY KEY,
    connector_id  uuid        NOT NULL REFERENCES connector (id) ON DELETE CASCADE,
    state         text        NOT NULL,
    requested_at  timestamptz NOT NULL,
    started_at    timestamptz,
    finished_at   timestamptz,
    stream        text,                          -- the stream being read now
    full_sync     boolean,
    fetched       bigint      NOT NULL DEFAULT 0,
    created       bigint      NOT NULL DEFAULT 0,
    updated       bigint      NOT NULL DEFAULT 0,
    unchanged     bigint      NOT NULL DEFAULT 0,
    rejected      bigint      NOT NULL DEFAULT 0,
    pages         bigint      NOT NULL DEFAULT 0,
    error         text
);
CREATE INDEX sync_run_connector ON sync_run (connector_id, requested_at DESC);
-- At most one run in flight per connector.
CREATE UNIQUE INDEX sync_run_one_active ON sync_run (connector_id) WHERE state IN ('QUEUED', 'PROCESSING');

CREATE TABLE stream_checkpoint (
    connector_id uuid        NOT NULL REFERENCES connector (id) ON DELETE CASCADE,
    stream       text        NOT NULL,
    run_id       uuid        NOT NULL,
    version      integer     NOT NULL,
    state        text        NOT NULL,
    complete     boolean     NOT NULL,
    committed_at timestamptz NOT NULL,
    PRIMARY KEY (connector_id, stream)
);

-- Records a run could not map (a required field missing, a value that did not convert): kept so
-- nothing is dropped silently. Bounded per run by the writer.
CREATE TABLE rejected_record (
    id           bigserial PRIMARY KEY,
    run_id       uuid        NOT NULL REFERENCES sync_run (id) ON DELETE CASCADE,
    stream       text        NOT NULL,
    record_key   text,
    reasons      text        NOT NULL,
    rejected_at  timestamptz NOT NULL
);
CREATE INDEX rejected_record_run ON rejected_record (run_id);

-- One row per source record: (connector, vendor's stable id). Cross-source correlation links
-- these into one logical asset later; the source identity is never rewritten.
CREATE TABLE asset (
    id                 bigserial PRIMARY KEY,
    connector_id       uuid        NOT NULL REFERENCES connector (id) ON DELETE CASCADE,
    source_record_id   text        NOT NULL,
    external_asset_id  text        NOT NULL,
    asset_name         text,
    host_name          text,
    fqdn               text,
    domain             text,
    asset_type         text,
    os_name            text,
    os_version         text,
    bios_serial        text,
    bios_manufacturer  text,
    ip_addresses       text[]      NOT NULL DEFAULT '{}',
    mac_addresses      text[]      NOT NULL DEFAULT '{}',
    first_found        timestamptz,
    last_seen          timestamptz,
    cloud_provider     text,
    cloud_instance_id  text,
    source_tags        text[]      NOT NULL DEFAULT '{}',
    attributes         jsonb       NOT NULL,     -- every mapped value, by target name
    content_hash       text        NOT NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    last_run_id        uuid,
    UNIQUE (connector_id, source_record_id)
);

CREATE TABLE finding (
    id                   bigserial PRIMARY KEY,
    connector_id         uuid        NOT NULL REFERENCES connector (id) ON DELETE CASCADE,
    external_finding_id  text        NOT NULL,
    asset_source_id      text,                   -- the vendor id of the asset (e.g. aid)
    asset_id             bigint REFERENCES asset (id) ON DELETE SET NULL,
    finding_name         text        NOT NULL,
    cve_id               text,
    finding_severity     integer     NOT NULL,
    source_severity      text,
    cvss_v2_base         numeric(4, 1),
    cvss_v3_base         numeric(4, 1),
    finding_status       text,
    finding_sub_type     text,
    detection_method     text,
    finding_description  text,
    recommendation       text,
    first_found_on       timestamptz,
    last_found_on        timestamptz,
    fixed_on             timestamptz,
    vendor_product_name  text        NOT NULL,
    attributes           jsonb       NOT NULL,
    content_hash         text        NOT NULL,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    last_run_id          uuid,
    UNIQUE (connector_id, external_finding_id)
);
CREATE INDEX finding_asset ON finding (asset_id);
CREATE INDEX finding_connector_asset_source ON finding (connector_id, asset_source_id);
CREATE INDEX finding_status ON finding (finding_status);

CREATE TABLE api_token (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL UNIQUE,
    token_hash  text        NOT NULL UNIQUE,     -- SHA-256 hex; the token itself is never stored
    role        text        NOT NULL,
    created_at  timestamptz NOT NULL
);
