-- Who may do what (issue 11): people and service accounts with one role each, personal API tokens
-- that belong to a user, and a throttle on failed sign-ins shared by every node.

CREATE TABLE app_user (
    id               uuid PRIMARY KEY,
    username         text        NOT NULL,
    display_name     text,
    role             text        NOT NULL CHECK (role IN ('ADMIN', 'OPERATOR', 'ANALYST', 'AUDITOR')),
    password_hash    text,                  -- Argon2id with its parameters; NULL: no local sign-in
    origin           text        NOT NULL DEFAULT 'LOCAL' CHECK (origin IN ('LOCAL', 'OIDC')),
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    last_sign_in_at  timestamptz
);
-- One account per name whatever its letter case: 'Admin' and 'admin' are the same person.
CREATE UNIQUE INDEX app_user_username ON app_user (lower(username));

-- Tokens now belong to a user, whose role they carry; the role column of V1 is no longer read.
ALTER TABLE api_token ADD COLUMN user_id      uuid REFERENCES app_user (id) ON DELETE CASCADE;
ALTER TABLE api_token ADD COLUMN kind         text NOT NULL DEFAULT 'PERSONAL'
    CHECK (kind IN ('PERSONAL', 'BOOTSTRAP'));
ALTER TABLE api_token ADD COLUMN expires_at   timestamptz;      -- NULL: never (the bootstrap token)
ALTER TABLE api_token ADD COLUMN last_used_at timestamptz;
ALTER TABLE api_token DROP CONSTRAINT api_token_name_key;
ALTER TABLE api_token ALTER COLUMN role DROP NOT NULL;

-- A database from before users: its bootstrap admin token becomes the first admin's.
INSERT INTO app_user (id, username, display_name, role, created_at, updated_at)
SELECT gen_random_uuid(), 'admin', 'Administrator', 'ADMIN', min(created_at), now()
FROM api_token HAVING count(*) > 0;
UPDATE api_token SET user_id = (SELECT id FROM app_user WHERE username = 'admin'),
                     kind = CASE WHEN name = 'admin' THEN 'BOOTSTRAP' ELSE 'PERSONAL' END;
ALTER TABLE api_token ALTER COLUMN user_id SET NOT NULL;
CREATE UNIQUE INDEX api_token_one_bootstrap ON api_token (kind) WHERE kind = 'BOOTSTRAP';
CREATE INDEX api_token_user ON api_token (user_id);

-- Failed sign-ins per user name and per client address, counted in a window; every node reads the
-- same rows, so a guesser gains nothing by spreading attempts over the nodes.
CREATE TABLE sign_in_throttle (
    key             text PRIMARY KEY,          -- 'user:<lower-case name>' or 'address:<ip>'
    failures        integer     NOT NULL,
    window_started  timestamptz NOT NULL,
    blocked_until   timestamptz
);

-- People's browser sessions, kept in the database (Spring Session JDBC's own schema for
-- PostgreSQL), so a person stays signed in whichever node answers and a node's restart signs no
-- one out. Expired rows are swept by each node; the sweep is one idempotent DELETE.
CREATE TABLE spring_session (
    primary_id            char(36)     NOT NULL,
    session_id            char(36)     NOT NULL,
    creation_time         bigint       NOT NULL,
    last_access_time      bigint       NOT NULL,
    max_inactive_interval int          NOT NULL,
    expiry_time           bigint       NOT NULL,
    principal_name        varchar(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id char(36)     NOT NULL,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES spring_session (primary_id) ON DELETE CASCADE
);
