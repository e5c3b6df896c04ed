-- Prioritisation: named scoring models and their criteria, manual rank overrides, saved selections.
--
-- A model is weighted (score = sum(w x normalised value) / sum(w), 0-100) or WSJF (cost of delay / job
-- size, SAFe); pmo_core/priorities.py computes both and its tests hold the reference figures. Criteria
-- name a project field; scale_min/scale_max NULL means "the range among the projects ranked".
CREATE SEQUENCE scoring_model_ids START 4;  -- 1 to 3 are the shipped defaults below
CREATE TABLE scoring_models (
    model_id INTEGER PRIMARY KEY DEFAULT nextval('scoring_model_ids'),
    name VARCHAR NOT NULL UNIQUE,
    kind VARCHAR NOT NULL CHECK (kind IN ('weighted', 'wsjf')),
    shipped_code VARCHAR,  -- the shipped default this model is (its name is translated), NULL for a user's
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    created_by VARCHAR NOT NULL DEFAULT 'PMO',
    updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    updated_by VARCHAR NOT NULL DEFAULT 'PMO'
);

CREATE TABLE scoring_criteria (
    model_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    field VARCHAR NOT NULL,
    weight DOUBLE NOT NULL CHECK (weight >= 0),
    direction VARCHAR NOT NULL CHECK (direction IN ('higher', 'lower')),
    scale_min DOUBLE,
    scale_max DOUBLE,
    role VARCHAR NOT NULL DEFAULT 'term' CHECK (role IN ('term', 'size')),  -- size: the WSJF divisor
    PRIMARY KEY (model_id, field)
);

INSERT INTO scoring_models (model_id, name, kind, shipped_code) VALUES
    (1, 'Weighted strategic', 'weighted', 'weighted_strategic'),
    (2, 'WSJF', 'wsjf', 'wsjf'),
    (3, 'Financial', 'weighted', 'financial');

INSERT INTO scoring_criteria (model_id, position, field, weight, direction, scale_min, scale_max, role) VALUES
    (1, 1, 'strategic_alignment', 30, 'higher', 1, 5, 'term'),
    (1, 2, 'business_value', 25, 'higher', 1, 5, 'term'),
    (1, 3, 'urgency', 15, 'higher', 1, 5, 'term'),
    (1, 4, 'risk_level', 15, 'lower', 1, 5, 'term'),
    (1, 5, 'feasibility', 15, 'higher', 1, 5, 'term'),
    (2, 1, 'business_value', 1, 'higher', 1, 5, 'term'),
    (2, 2, 'time_criticality', 1, 'higher', 1, 5, 'term'),
    (2, 3, 'risk_reduction', 1, 'higher', 1, 5, 'term'),
    (2, 4, 'job_size', 1, 'lower', 1, 20, 'size'),
    (3, 1, 'npv', 40, 'higher', NULL, NULL, 'term'),
    (3, 2, 'roi', 30, 'higher', NULL, NULL, 'term'),
    (3, 3, 'payback_years', 30, 'lower', 0, 10, 'term');

-- A manual change of rank: the latest row per (model, project) holds; rank NULL hands it back to the score.
CREATE TABLE rank_overrides (
    model_id INTEGER NOT NULL,
    project_code VARCHAR NOT NULL,
    rank INTEGER CHECK (rank >= 1),
    reason VARCHAR NOT NULL,
    user_name VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL
);

-- A saved selection, frozen as it was computed: what was in, what was out and why, cost per year.
CREATE SEQUENCE scenario_ids START 1;
CREATE TABLE scenarios (
    scenario_id INTEGER PRIMARY KEY DEFAULT nextval('scenario_ids'),
    name VARCHAR NOT NULL UNIQUE,
    objective VARCHAR NOT NULL,  -- 'npv' or the name of the scoring model whose total score was maximised
    cost_basis VARCHAR NOT NULL CHECK (cost_basis IN ('budget', 'remaining')),
    budget DOUBLE NOT NULL,
    state_date DATE NOT NULL,
    filters VARCHAR NOT NULL DEFAULT '',
    total_value DOUBLE NOT NULL,
    total_cost DOUBLE NOT NULL,
    n_selected INTEGER NOT NULL,
    n_candidates INTEGER NOT NULL,
    note VARCHAR,
    created_at TIMESTAMP NOT NULL,
    created_by VARCHAR NOT NULL,
    plan_of_record_at TIMESTAMP,  -- the plan of record is the scenario marked last
    plan_of_record_by VARCHAR
);

CREATE TABLE scenario_projects (
    scenario_id INTEGER NOT NULL,
    project_code VARCHAR NOT NULL,
    project_name VARCHAR,
    selected BOOLEAN NOT NULL,
    cost DOUBLE,
    value DOUBLE,
    reason VARCHAR NOT NULL,
    reason_args VARCHAR NOT NULL DEFAULT '{}',
    PRIMARY KEY (scenario_id, project_code)
);

CREATE TABLE scenario_years (
    scenario_id INTEGER NOT NULL,
    year INTEGER NOT NULL,
    cost DOUBLE NOT NULL,
    budget DOUBLE,
    PRIMARY KEY (scenario_id, year)
);
