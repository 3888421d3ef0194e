-- Source records keep their own identity (connector + vendor id); logical assets group them.
-- Every link stores the rule and the values that made it, so a merge explains itself.

ALTER TABLE asset RENAME TO source_asset;
ALTER SEQUENCE asset_id_seq RENAME TO source_asset_id_seq;
ALTER TABLE finding RENAME COLUMN asset_id TO source_asset_id;

CREATE TABLE asset (
    id          bigserial PRIMARY KEY,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

ALTER TABLE source_asset
    ADD COLUMN asset_id          bigint REFERENCES asset (id) ON DELETE SET NULL,
    ADD COLUMN link_rule         text,          -- e.g. SERIAL_MANUFACTURER, or FIRST_SEEN for an asset's founder
    ADD COLUMN link_values       jsonb,         -- the values that matched
    ADD COLUMN linked_to         bigint,        -- the source record it matched
    ADD COLUMN linked_at         timestamptz,
    -- Normalized identity keys (docs/normalization.md); NULL when absent or weak.
    ADD COLUMN key_cloud         text,
    ADD COLUMN key_serial        text,
    ADD COLUMN key_manufacturer  text,
    ADD COLUMN key_macs          text[] NOT NULL DEFAULT '{}',
    ADD COLUMN key_host          text,
    ADD COLUMN key_domain        text;

CREATE INDEX source_asset_asset ON source_asset (asset_id);
CREATE INDEX source_asset_key_cloud ON source_asset (key_cloud) WHERE key_cloud IS NOT NULL;
CREATE INDEX source_asset_key_serial ON source_asset (key_serial, key_manufacturer)
    WHERE key_serial IS NOT NULL;
CREATE INDEX source_asset_key_macs ON source_asset USING gin (key_macs);
CREATE INDEX source_asset_key_host ON source_asset (key_host, key_domain) WHERE key_host IS NOT NULL;

-- Pairs of source records a user split apart: correlation never links them again.
CREATE TABLE asset_split (
    source_a    bigint      NOT NULL REFERENCES source_asset (id) ON DELETE CASCADE,
    source_b    bigint      NOT NULL REFERENCES source_asset (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (source_a, source_b),
    CHECK (source_a < source_b)
);

ALTER TABLE sync_run ADD COLUMN assets_linked bigint NOT NULL DEFAULT 0;
