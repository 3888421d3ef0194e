-- Saved views (issue 12): a named query over assets or findings with its sort and columns, private
-- to the user who saved it or shared with every reader of the inventory. The query is stored as
-- text, checked when saved; a user's views go with the user.
CREATE TABLE saved_view (
    id          uuid PRIMARY KEY,
    owner_id    uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name        text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    entity      text        NOT NULL CHECK (entity IN ('ASSETS', 'FINDINGS')),
    query       text        NOT NULL,
    sort        text,                          -- a sortable token, '-' first for descending
    columns     text[]      NOT NULL DEFAULT '{}',  -- export column names; empty: the defaults
    shared      boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
-- Names are unique per owner whatever their letter case; two users may each have "Critical".
CREATE UNIQUE INDEX saved_view_owner_name ON saved_view (owner_id, lower(name));
CREATE INDEX saved_view_shared ON saved_view (shared) WHERE shared;
