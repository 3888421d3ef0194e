-- The audit log: who changed what, when, from where, with the before and after values (secrets
-- masked by platform/audit/SecretMasking before they are written). History is append-only: the
-- triggers below refuse every UPDATE, DELETE and TRUNCATE, so no code path (and no mistaken
-- statement) can rewrite it. Only a database owner who drops or disables the triggers could.
CREATE TABLE audit_entry (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at       timestamptz NOT NULL,
    -- the user's name, 'system' for scheduled and background work, 'anonymous' when unknown
    actor    text NOT NULL CHECK (actor <> ''),
    -- the client's address as the server saw it; NULL for background work
    address  text,
    -- what was done, '<thing>.<verb>' in lower case, e.g. connector.create, finding.decision
    action   text NOT NULL CONSTRAINT audit_entry_action_shape
                 CHECK (action ~ '^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$'),
    -- what it was done to: an id or a name
    target   text,
    outcome  text NOT NULL CONSTRAINT audit_entry_outcome_known
                 CHECK (outcome IN ('SUCCEEDED', 'REFUSED', 'FAILED')),
    before   jsonb,
    after    jsonb,
    detail   text
);

-- The listing is newest first, filtered by time, actor and action (exact or a prefix).
CREATE INDEX audit_entry_at ON audit_entry (at DESC, id DESC);
CREATE INDEX audit_entry_actor_at ON audit_entry (actor, at DESC);
CREATE INDEX audit_entry_action_at ON audit_entry (action text_pattern_ops, at DESC);

CREATE FUNCTION audit_entry_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_entry_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();

CREATE TRIGGER audit_entry_no_truncate
    BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
