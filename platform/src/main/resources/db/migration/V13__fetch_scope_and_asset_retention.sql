-- What a connector's runs fetch (the seeds' Fetch From date and Sampling Mode), how long its assets
-- count as current (asset retention) and when they are deleted (purge); the assets a sweep found
-- stale. Each rule is one function every query and the sweep call.

ALTER TABLE connector
    ADD COLUMN fetch_from timestamptz NOT NULL DEFAULT '1970-01-01T00:00:00Z',
    ADD COLUMN sampling boolean NOT NULL DEFAULT false,
    ADD COLUMN stale_after_days integer NOT NULL DEFAULT 30
        CONSTRAINT connector_stale_after_days_range CHECK (stale_after_days BETWEEN 1 AND 3650),
    -- NULL: stale assets are kept
    ADD COLUMN purge_stale_after_days integer
        CONSTRAINT connector_purge_stale_after_days_range
            CHECK (purge_stale_after_days BETWEEN 1 AND 3650);

-- Set and cleared by the stale-asset sweep (StaleAssets): NULL while the asset is current.
ALTER TABLE asset ADD COLUMN stale_since timestamptz;
CREATE INDEX asset_stale ON asset (stale_since) WHERE stale_since IS NOT NULL;

-- When a source last saw one of its records: the source's own last-seen date for it; a record
-- without one (an asset built from a finding's host details) was last seen when a read last
-- returned it changed or returned one of its findings.
CREATE FUNCTION source_seen_at(source bigint, last_seen timestamptz, updated_at timestamptz)
    RETURNS timestamptz LANGUAGE sql STABLE AS
$$ SELECT coalesce(last_seen, greatest(updated_at,
       (SELECT max(d.last_seen_at) FROM detection d WHERE d.source_asset_id = source))) $$;

-- The moment an asset became stale at `at`: every source record of it went unseen for its
-- connector's retention period (stale_after_days) — the latest of those moments; NULL while any
-- source saw it within its period, or when it has no source record.
CREATE FUNCTION asset_stale_since(asset bigint, at timestamptz)
    RETURNS timestamptz LANGUAGE sql STABLE AS
$$ SELECT max(t.until) FROM (
       SELECT source_seen_at(s.id, s.last_seen, s.updated_at)
                  + make_interval(days => c.stale_after_days) AS until
       FROM source_asset s JOIN connector c ON c.id = s.connector_id
       WHERE s.asset_id = asset) t
   HAVING bool_and(t.until <= at) $$;

-- Whether a stale asset is to be deleted at `at`: every source record of it has been stale for its
-- connector's purge period (purge_stale_after_days); never while one of its connectors keeps stale
-- assets (no purge period).
CREATE FUNCTION asset_purge_due(asset bigint, at timestamptz)
    RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT coalesce(bool_and(c.purge_stale_after_days IS NOT NULL
              AND source_seen_at(s.id, s.last_seen, s.updated_at)
                  + make_interval(days => c.stale_after_days + c.purge_stale_after_days) <= at),
          false)
   FROM source_asset s JOIN connector c ON c.id = s.connector_id
   WHERE s.asset_id = asset $$;

-- An asset counts toward the inventory's totals (assets, open findings, risk bands) while no sweep
-- has found it stale. IMMUTABLE and one expression, so PostgreSQL inlines it.
CREATE FUNCTION asset_counts(stale_since timestamptz) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS
$$ SELECT stale_since IS NULL $$;
