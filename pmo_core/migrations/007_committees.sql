-- Steering committees, their decisions and their actions.
--
-- A committee reviews one snapshot and follows an earlier committee: "what changed" in the app and in the
-- pack starts at the snapshot that earlier committee reviewed. Decisions are never updated nor deleted: a
-- correction (or the answer to a decision the committee had to take) is a new entry naming the one it
-- supersedes, so the log keeps what was said and when. Actions change status as they are followed up;
-- each change is in the audit trail.
CREATE SEQUENCE committee_ids START 1;
CREATE TABLE committees (
    committee_id INTEGER PRIMARY KEY DEFAULT nextval('committee_ids'),
    name VARCHAR NOT NULL,
    meeting_date DATE NOT NULL,
    snapshot DATE NOT NULL,  -- the snapshot the committee reviews
    follows INTEGER,  -- the committee before it; NULL for the first
    created_at TIMESTAMP NOT NULL,
    created_by VARCHAR NOT NULL
);

CREATE SEQUENCE decision_ids START 1;
CREATE TABLE decisions (
    decision_id INTEGER PRIMARY KEY DEFAULT nextval('decision_ids'),
    committee_id INTEGER,  -- the meeting that took (or must take) it; NULL when recorded outside one
    decided_on DATE NOT NULL,
    subject VARCHAR NOT NULL,
    decision VARCHAR NOT NULL,  -- what was decided; for a decision still to take, the question put
    state VARCHAR NOT NULL CHECK (state IN ('taken', 'to_take')),
    project_code VARCHAR,  -- NULL: the decision is about the portfolio as a whole
    supersedes INTEGER,  -- the entry this one corrects or answers
    recorded_at TIMESTAMP NOT NULL,
    recorded_by VARCHAR NOT NULL
);

CREATE SEQUENCE action_ids START 1;
CREATE TABLE actions (
    action_id INTEGER PRIMARY KEY DEFAULT nextval('action_ids'),
    committee_id INTEGER,
    decision_id INTEGER,  -- the decision the action carries out, if any
    title VARCHAR NOT NULL,
    owner VARCHAR NOT NULL,
    due_date DATE,
    status VARCHAR NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
    project_code VARCHAR,
    note VARCHAR,
    created_at TIMESTAMP NOT NULL,
    created_by VARCHAR NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    updated_by VARCHAR NOT NULL
);
