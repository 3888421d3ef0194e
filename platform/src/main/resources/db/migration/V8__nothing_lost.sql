-- Nothing a vendor reports is lost: every record a stream returns is stored or a counted
-- rejection, per stream and run; assets may be built from a finding's own host snapshot; tags
-- keep their kind; connectors keep the source-side filters a user chose.

-- Per run and stream: what was fetched, what the store holds of it, what was rejected, for
-- records and for the findings carried as elements of a record. A run checks
-- fetched = stored + rejected at the end of each stream.
CREATE TABLE sync_run_stream (
    run_id             uuid    NOT NULL REFERENCES sync_run (id) ON DELETE CASCADE,
    stream             text    NOT NULL,
    fetched            bigint  NOT NULL DEFAULT 0,
    stored             bigint  NOT NULL DEFAULT 0,
    rejected           bigint  NOT NULL DEFAULT 0,
    elements_fetched   bigint  NOT NULL DEFAULT 0,
    elements_stored    bigint  NOT NULL DEFAULT 0,
    elements_rejected  bigint  NOT NULL DEFAULT 0,
    snapshot_assets    bigint  NOT NULL DEFAULT 0,  -- source assets built from findings' host snapshots
    first_page         bigserial,                   -- orders the streams as the run read them
    PRIMARY KEY (run_id, stream)
);

-- A rejected finding inside a record names where in the record it was (cves[3]).
ALTER TABLE rejected_record ADD COLUMN element_path text;

-- A source record built from a finding's host snapshot, not read from the assets stream; a
-- record the assets stream returns later replaces it.
ALTER TABLE source_asset
    ADD COLUMN from_snapshot boolean NOT NULL DEFAULT false,
    ADD COLUMN tags jsonb NOT NULL DEFAULT '[]';   -- [{"tag","kind"}], kinds from the connector

ALTER TABLE connector ADD COLUMN filters jsonb NOT NULL DEFAULT '{}';
