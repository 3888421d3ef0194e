-- Connectors created only after a passing connection test (or saved as drafts), edited in place,
-- and removed either keeping their records as history or purging them.

-- A draft was saved without a connection test; it is never scheduled until a passing test
-- promotes it.
ALTER TABLE connector ADD COLUMN draft boolean NOT NULL DEFAULT false;

-- A connector removed with data=keep: its records stay as history (their rows point at it), it
-- leaves every list and runs no more, and its name is free again.
ALTER TABLE connector ADD COLUMN deleted_at timestamptz;
DROP INDEX connector_name_unique;
CREATE UNIQUE INDEX connector_name_unique ON connector (lower(name)) WHERE deleted_at IS NULL;

-- Passing connection tests of settings not yet stored, so a create on any node may accept one
-- (for 15 minutes) instead of testing again. The settings are kept only as a keyed hash
-- (HMAC-SHA-256 under a key derived from the master key) of the type and every auth value,
-- secrets included: it tells the same settings apart from others, and gives nothing back.
CREATE TABLE connection_test (
    id           uuid PRIMARY KEY,
    fingerprint  text        NOT NULL,
    passed_at    timestamptz NOT NULL
);
CREATE INDEX connection_test_passed_at ON connection_test (passed_at);
