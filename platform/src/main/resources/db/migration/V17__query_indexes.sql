-- Indexes for the query language's common tokens (dev.sightline.platform.query), each chosen with
-- EXPLAIN and checked by QueryPlansIT.

-- asset.ip: CIDR blocks and ranges need addresses as inet in an index, and a text[] column cannot
-- give that. Each source record's addresses are kept here as inet, by triggers on source_asset, so
-- no writer has to know; text that is not an address is skipped (a query could never match it).
CREATE FUNCTION inet_or_null(text) RETURNS inet LANGUAGE plpgsql IMMUTABLE AS
$$ BEGIN RETURN $1::inet; EXCEPTION WHEN others THEN RETURN NULL; END $$;

CREATE TABLE source_asset_ip (
    source_asset_id  bigint NOT NULL REFERENCES source_asset (id) ON DELETE CASCADE,
    ip               inet   NOT NULL,
    PRIMARY KEY (source_asset_id, ip)
);
-- B-tree serves =, <, >, ranges and (as a range of the block) <<= with a known block.
CREATE INDEX source_asset_ip_ip ON source_asset_ip (ip, source_asset_id);

CREATE FUNCTION source_asset_ip_sync() RETURNS trigger LANGUAGE plpgsql AS
$$ BEGIN
    IF TG_OP = 'UPDATE' THEN
        DELETE FROM source_asset_ip WHERE source_asset_id = NEW.id;
    END IF;
    INSERT INTO source_asset_ip (source_asset_id, ip)
        SELECT DISTINCT NEW.id, t.ip
        FROM unnest(NEW.ip_addresses) x, LATERAL (SELECT inet_or_null(x) AS ip) t
        WHERE t.ip IS NOT NULL;
    RETURN NULL;
END $$;

-- Only when addresses come or change: an upsert that rewrites the same addresses costs nothing.
CREATE TRIGGER source_asset_ip_insert AFTER INSERT ON source_asset
    FOR EACH ROW WHEN (cardinality(NEW.ip_addresses) > 0) EXECUTE FUNCTION source_asset_ip_sync();
CREATE TRIGGER source_asset_ip_update AFTER UPDATE OF ip_addresses ON source_asset
    FOR EACH ROW WHEN (OLD.ip_addresses IS DISTINCT FROM NEW.ip_addresses)
    EXECUTE FUNCTION source_asset_ip_sync();

INSERT INTO source_asset_ip (source_asset_id, ip)
    SELECT DISTINCT s.id, t.ip
    FROM source_asset s, unnest(s.ip_addresses) x, LATERAL (SELECT inet_or_null(x) AS ip) t
    WHERE t.ip IS NOT NULL;

-- asset.hostName: a query compares lower(host_name) for equality and for a prefix (web*);
-- text_pattern_ops serves both whatever the database's collation.
CREATE INDEX source_asset_host_name_lower ON source_asset (lower(host_name) text_pattern_ops);

-- finding.cveId: the same for CVE ids (CVE-2024-3400, CVE-2024-*).
CREATE INDEX finding_cve_lower ON finding (lower(cve_id) text_pattern_ops);

-- Sorting and keyset paging by QDS (ascending with missing scores first, or backwards). This index
-- makes scoring's rewrite of qds a non-HOT update: its write cost is measured in docs/benchmarks.md.
CREATE INDEX finding_qds_id ON finding (qds NULLS FIRST, id);
