-- Who may do what and what they did: accounts with their role, and the append-only audit trail.
-- A user is a built-in account (with a password hash), or an identity signed in elsewhere (single sign-on,
-- a trusted proxy) whose role or managed projects an admin set; the name is the sign-in name or e-mail.
CREATE TABLE users (
    name VARCHAR PRIMARY KEY,
    display_name VARCHAR,
    role VARCHAR NOT NULL,
    projects VARCHAR[] NOT NULL DEFAULT [],
    password_hash VARCHAR,
    disabled BOOLEAN NOT NULL DEFAULT false,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    last_sign_in TIMESTAMP
);

-- Every change and every refused attempt, never updated nor deleted by the code; each entry carries the
-- hash of the one before it, so an entry edited or removed behind the app's back shows (audit --verify).
CREATE SEQUENCE audit_entry_id START 1;
CREATE TABLE audit_log (
    entry_id BIGINT PRIMARY KEY DEFAULT nextval('audit_entry_id'),
    happened_at TIMESTAMP NOT NULL,
    user_name VARCHAR NOT NULL,
    role VARCHAR,
    origin VARCHAR,
    action VARCHAR NOT NULL,
    target VARCHAR,
    outcome VARCHAR NOT NULL,
    detail VARCHAR,
    prev_hash VARCHAR NOT NULL,
    hash VARCHAR NOT NULL
);
