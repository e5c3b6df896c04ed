-- The portfolio store: append-only rows per import batch, and views of the state at any date.
--
-- Every import is a batch. A batch "covers" some (entity, project) pairs: for those, the rows it
-- carries replace what earlier batches said. The state on a date is, for each covered pair, the rows
-- of the latest live batch whose as_of date is on or before that date. Rolling a batch back marks it
-- and the views skip it, so nothing is ever deleted and every earlier state stays queryable.

CREATE TABLE settings (
    name VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL,
    updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- The 5x5 band table: an organisation may decide that probability 4 x impact 2 is low.
CREATE TABLE risk_bands (
    probability TINYINT NOT NULL CHECK (probability BETWEEN 1 AND 5),
    impact TINYINT NOT NULL CHECK (impact BETWEEN 1 AND 5),
    band VARCHAR NOT NULL CHECK (band IN ('low', 'moderate', 'high', 'critical')),
    PRIMARY KEY (probability, impact)
);
INSERT INTO risk_bands
SELECT p, i,
       CASE WHEN p * i <= 4 THEN 'low' WHEN p * i <= 9 THEN 'moderate' WHEN p * i <= 16 THEN 'high' ELSE 'critical' END
FROM range(1, 6) AS tp(p), range(1, 6) AS ti(i);

CREATE SEQUENCE batch_ids START 1;
CREATE TABLE batches (
    batch_id INTEGER PRIMARY KEY DEFAULT nextval('batch_ids'),
    imported_at TIMESTAMP NOT NULL,
    as_of DATE NOT NULL,
    user_name VARCHAR NOT NULL,
    scope VARCHAR NOT NULL CHECK (scope IN ('full', 'partial')),
    label VARCHAR,
    n_projects INTEGER NOT NULL DEFAULT 0,
    n_milestones INTEGER NOT NULL DEFAULT 0,
    n_risks INTEGER NOT NULL DEFAULT 0,
    n_cost_lines INTEGER NOT NULL DEFAULT 0,
    n_business_case INTEGER NOT NULL DEFAULT 0,
    n_warnings INTEGER NOT NULL DEFAULT 0,
    rolled_back_at TIMESTAMP,
    rolled_back_by VARCHAR
);

CREATE TABLE batch_files (
    batch_id INTEGER NOT NULL,
    file_name VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    size_bytes BIGINT NOT NULL
);

-- Warnings kept with the batch that accepted them (errors never reach the store).
CREATE TABLE batch_issues (
    batch_id INTEGER NOT NULL,
    severity VARCHAR NOT NULL,
    code VARCHAR NOT NULL,
    file_name VARCHAR,
    sheet VARCHAR,
    row_number INTEGER,
    column_name VARCHAR,
    value VARCHAR,
    message_en VARCHAR,
    message_fr VARCHAR
);

CREATE TABLE coverage (
    batch_id INTEGER NOT NULL,
    entity VARCHAR NOT NULL,
    project_code VARCHAR NOT NULL,
    present BOOLEAN NOT NULL
);

CREATE TABLE project_rows (
    batch_id INTEGER NOT NULL,
    code VARCHAR NOT NULL,
    name VARCHAR,
    portfolio VARCHAR,
    programme VARCHAR,
    manager VARCHAR,
    sponsor VARCHAR,
    phase VARCHAR,
    start_date DATE,
    baseline_end DATE,
    forecast_end DATE,
    budget DOUBLE,
    actual_cost DOUBLE,
    estimate_to_complete DOUBLE,
    forecast_at_completion DOUBLE,
    percent_complete DOUBLE,
    status VARCHAR,
    status_schedule VARCHAR,
    status_cost VARCHAR,
    status_scope VARCHAR,
    status_resources VARCHAR,
    last_update DATE,
    comment VARCHAR,
    strategic_alignment DOUBLE,
    business_value DOUBLE,
    time_criticality DOUBLE,
    risk_reduction DOUBLE,
    job_size DOUBLE,
    urgency DOUBLE,
    feasibility DOUBLE,
    risk_level DOUBLE,
    npv DOUBLE,
    roi DOUBLE,
    payback_years DOUBLE,
    mandatory BOOLEAN,
    depends_on VARCHAR
);

CREATE TABLE milestone_rows (
    batch_id INTEGER NOT NULL,
    project_code VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    baseline_date DATE,
    forecast_date DATE,
    actual_date DATE
);

CREATE TABLE risk_rows (
    batch_id INTEGER NOT NULL,
    project_code VARCHAR NOT NULL,
    code VARCHAR,
    title VARCHAR NOT NULL,
    category VARCHAR,
    probability TINYINT NOT NULL,
    impact TINYINT NOT NULL,
    residual_probability TINYINT,
    residual_impact TINYINT,
    owner VARCHAR,
    response VARCHAR,
    mitigation VARCHAR,
    due_date DATE,
    status VARCHAR NOT NULL,
    cost_impact DOUBLE,
    mitigation_cost DOUBLE
);

CREATE TABLE cost_rows (
    batch_id INTEGER NOT NULL,
    project_code VARCHAR NOT NULL,
    month DATE NOT NULL,
    cost_type VARCHAR,
    planned DOUBLE,
    actual DOUBLE,
    forecast DOUBLE
);

CREATE TABLE business_case_rows (
    batch_id INTEGER NOT NULL,
    project_code VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    cost DOUBLE,
    benefit DOUBLE
);

-- For each (entity, project): the batch whose rows hold on date d, and whether the project is there.
CREATE MACRO versions_at(d) AS TABLE
    SELECT c.entity, c.project_code,
           arg_max(c.batch_id, (b.as_of, c.batch_id)) AS batch_id,
           arg_max(c.present, (b.as_of, c.batch_id)) AS present
    FROM coverage AS c JOIN batches AS b USING (batch_id)
    WHERE b.rolled_back_at IS NULL AND b.as_of <= d
    GROUP BY c.entity, c.project_code;

CREATE MACRO projects_at(d) AS TABLE
    SELECT p.* FROM project_rows AS p
    JOIN versions_at(d) AS v
      ON v.entity = 'projects' AND v.present AND p.batch_id = v.batch_id AND p.code = v.project_code;

CREATE MACRO milestones_at(d) AS TABLE
    SELECT m.* FROM milestone_rows AS m
    JOIN versions_at(d) AS v
      ON v.entity = 'milestones' AND v.present AND m.batch_id = v.batch_id AND m.project_code = v.project_code
    SEMI JOIN projects_at(d) AS p ON p.code = m.project_code;

CREATE MACRO risks_at(d) AS TABLE
    SELECT r.* FROM risk_rows AS r
    JOIN versions_at(d) AS v
      ON v.entity = 'risks' AND v.present AND r.batch_id = v.batch_id AND r.project_code = v.project_code
    SEMI JOIN projects_at(d) AS p ON p.code = r.project_code;

CREATE MACRO cost_lines_at(d) AS TABLE
    SELECT c.* FROM cost_rows AS c
    JOIN versions_at(d) AS v
      ON v.entity = 'costs' AND v.present AND c.batch_id = v.batch_id AND c.project_code = v.project_code
    SEMI JOIN projects_at(d) AS p ON p.code = c.project_code;

CREATE MACRO business_case_at(d) AS TABLE
    SELECT bc.* FROM business_case_rows AS bc
    JOIN versions_at(d) AS v
      ON v.entity = 'business_case' AND v.present AND bc.batch_id = v.batch_id AND bc.project_code = v.project_code
    SEMI JOIN projects_at(d) AS p ON p.code = bc.project_code;

-- The current state: every live batch counts.
CREATE VIEW projects AS SELECT * FROM projects_at(DATE '9999-12-31');
CREATE VIEW milestones AS SELECT * FROM milestones_at(DATE '9999-12-31');
CREATE VIEW risks AS SELECT * FROM risks_at(DATE '9999-12-31');
CREATE VIEW cost_lines AS SELECT * FROM cost_lines_at(DATE '9999-12-31');
CREATE VIEW business_case AS SELECT * FROM business_case_at(DATE '9999-12-31');

-- Portfolios and programmes as the current projects name them.
CREATE VIEW portfolios AS
    SELECT coalesce(portfolio, '') AS portfolio, count(*) AS n_projects, sum(budget) AS budget
    FROM projects GROUP BY ALL;
CREATE VIEW programmes AS
    SELECT coalesce(portfolio, '') AS portfolio, programme, count(*) AS n_projects, sum(budget) AS budget
    FROM projects WHERE programme IS NOT NULL GROUP BY ALL;

-- Snapshots are the reporting dates; the state on a date includes every live batch up to it.
CREATE VIEW snapshots AS
    SELECT as_of, max(batch_id) AS last_batch, count(*) AS n_batches, min(imported_at) AS first_import
    FROM batches WHERE rolled_back_at IS NULL GROUP BY as_of;
