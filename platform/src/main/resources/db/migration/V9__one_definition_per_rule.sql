-- Each rule defined once. States are checked by the database against the Java enums
-- (FindingState, RunState, ConnectorState; MigrationsIT compares them), and whether a finding
-- counts (toward an asset's risk and its open count) is one function every query calls.

ALTER TABLE finding ADD CONSTRAINT finding_state_known
    CHECK (state IN ('NEW', 'ACTIVE', 'FIXED', 'REOPENED'));
ALTER TABLE sync_run ADD CONSTRAINT sync_run_state_known
    CHECK (state IN ('PROCESSING', 'PROCESSED', 'ERRORED'));
ALTER TABLE connector ADD CONSTRAINT connector_state_known
    CHECK (state IN ('REGISTERED', 'SCHEDULED', 'PROCESSING', 'PROCESSED', 'ERRORED'));

-- V1 named a QUEUED state no run ever has: the one run in flight is the PROCESSING one.
DROP INDEX sync_run_one_active;
CREATE UNIQUE INDEX sync_run_one_active ON sync_run (connector_id) WHERE state = 'PROCESSING';

-- A finding counts while no source has fixed it and no user decision is in force at `at`: a false
-- positive never expires, an accepted risk counts again from its date on. IMMUTABLE and a single
-- expression, so PostgreSQL inlines it into each query.
CREATE FUNCTION finding_counts(state text, decision text, decision_until timestamptz,
                               at timestamptz) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS
$$ SELECT state <> 'FIXED' AND (decision IS NULL OR (decision_until IS NOT NULL AND decision_until <= at)) $$;

-- An asset's primary source record, whose fields the asset shows (name, type, OS …) and whose type
-- sets its default criticality: the one most recently seen, ties to the oldest record. A simple
-- SQL function, so PostgreSQL inlines it where it is joined laterally.
CREATE FUNCTION primary_source(asset bigint) RETURNS SETOF source_asset
    LANGUAGE sql STABLE AS
$$ SELECT s.* FROM source_asset s WHERE s.asset_id = asset
   ORDER BY s.last_seen DESC NULLS LAST, s.id LIMIT 1 $$;
