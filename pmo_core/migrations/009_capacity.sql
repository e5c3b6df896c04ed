-- People: each team's capacity and each project's demand on it, month by month, and saved what-if plans.
--
-- Capacity and demand are written in FTE or in person-days, as the tracker gives them; the unit is kept and
-- the working_days_per_month setting converts days into FTE when a query reads them, so changing the
-- setting changes every load at once. pmo_core/capacity.py is the reference, with its tests.
--
-- Capacity belongs to a team, not to a project: a batch restates the capacity of the teams it lists, so for
-- the entity 'resources' the coverage table's project_code column holds the team. Demand belongs to its
-- project and is restated project by project, as cost lines are.

CREATE TABLE capacity_rows (
    batch_id INTEGER NOT NULL,
    team VARCHAR NOT NULL,
    month DATE NOT NULL,
    capacity DOUBLE NOT NULL,
    unit VARCHAR NOT NULL CHECK (unit IN ('fte', 'days'))
);

CREATE TABLE demand_rows (
    batch_id INTEGER NOT NULL,
    project_code VARCHAR NOT NULL,
    team VARCHAR NOT NULL,
    month DATE NOT NULL,
    demand DOUBLE NOT NULL,
    unit VARCHAR NOT NULL CHECK (unit IN ('fte', 'days'))
);

ALTER TABLE batches ADD COLUMN n_capacity_lines INTEGER NOT NULL DEFAULT 0;
ALTER TABLE batches ADD COLUMN n_demand_lines INTEGER NOT NULL DEFAULT 0;

CREATE MACRO capacity_lines_at(d) AS TABLE
    SELECT c.* FROM capacity_rows AS c
    JOIN versions_at(d) AS v
      ON v.entity = 'resources' AND v.present AND c.batch_id = v.batch_id AND c.team = v.project_code;

CREATE MACRO demand_lines_at(d) AS TABLE
    SELECT r.* FROM demand_rows AS r
    JOIN versions_at(d) AS v
      ON v.entity = 'demand' AND v.present AND r.batch_id = v.batch_id AND r.project_code = v.project_code
    SEMI JOIN projects_at(d) AS p ON p.code = r.project_code;

CREATE VIEW capacity_lines AS SELECT * FROM capacity_lines_at(DATE '9999-12-31');
CREATE VIEW demand_lines AS SELECT * FROM demand_lines_at(DATE '9999-12-31');

-- Each team's capacity per month in FTE on date d; `days` is the working_days_per_month setting.
CREATE MACRO team_capacity_at(d, days) AS TABLE
    SELECT c.team, c.month, sum(CASE WHEN c.unit = 'days' THEN c.capacity / days ELSE c.capacity END) AS fte
    FROM capacity_rows AS c
    JOIN versions_at(d) AS v
      ON v.entity = 'resources' AND v.present AND c.batch_id = v.batch_id AND c.team = v.project_code
    GROUP BY c.team, c.month;

-- Every demand line on date d in FTE, with its project's name, filters and dates: the same rows as
-- demand_lines_at(d) joined to projects_at(d), reading versions_at(d) once.
CREATE MACRO project_demand_at(d, days) AS TABLE
    WITH v AS (
        SELECT entity, project_code, batch_id FROM versions_at(d) WHERE present AND entity IN ('projects', 'demand')
    )
    SELECT r.project_code, r.team, r.month,
           CASE WHEN r.unit = 'days' THEN r.demand / days ELSE r.demand END AS fte,
           p.name AS project_name, p.portfolio, p.programme, p.manager, p.start_date,
           coalesce(p.forecast_end, p.baseline_end) AS end_date, p.lifecycle
    FROM demand_rows AS r
    JOIN v AS vr ON vr.entity = 'demand' AND vr.batch_id = r.batch_id AND vr.project_code = r.project_code
    JOIN v AS vp ON vp.entity = 'projects' AND vp.project_code = r.project_code
    JOIN project_rows AS p ON p.batch_id = vp.batch_id AND p.code = vp.project_code;

-- What-if plans: moves (a project's demand shifted by some months, a team capped at a share of its capacity,
-- a team's capacity changed from a month) saved under a name, compared, and one marked as the plan of record.
CREATE SEQUENCE capacity_scenario_ids START 1;
CREATE TABLE capacity_scenarios (
    scenario_id INTEGER PRIMARY KEY DEFAULT nextval('capacity_scenario_ids'),
    name VARCHAR NOT NULL UNIQUE,
    state_date DATE NOT NULL,
    note VARCHAR,
    over_team_months INTEGER NOT NULL,  -- frozen as computed when saved
    short_fte_months DOUBLE NOT NULL,
    peak_load DOUBLE,
    created_at TIMESTAMP NOT NULL,
    created_by VARCHAR NOT NULL,
    plan_of_record_at TIMESTAMP,  -- the plan of record is the scenario marked last
    plan_of_record_by VARCHAR
);

CREATE TABLE capacity_scenario_moves (
    scenario_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    kind VARCHAR NOT NULL CHECK (kind IN ('shift', 'cap', 'capacity')),
    project_code VARCHAR,  -- shift
    team VARCHAR,  -- cap, capacity
    months INTEGER,  -- shift: months later (negative: earlier)
    cap DOUBLE,  -- cap: the share of capacity the team may take, 1.0 = 100 %
    fte DOUBLE,  -- capacity: FTE added (negative: removed)
    from_month DATE,  -- capacity: from this month on
    PRIMARY KEY (scenario_id, position)
);
