-- Where every stored value came from: its file, sheet and cell, what was typed there, and how it was read.
--
-- Each stored row names the table it was read from (`origin`, numbered within its batch), its Excel row
-- (`origin_row`) and, where it has one, its own column (`origin_col`: a month of a wide budget, a record of a
-- transposed table). A field's cell is the field's column (origin_columns) on that row; the cells a column
-- does not tell (a value typed `1 450 k€`, merged down, added up from several cells, set by the import) are
-- listed in origin_cells. pmo_core/origins.py says how, pmo_core/provenance.py reads it back.
-- The *_at() macros leave these columns out: every view keeps the columns it had.

ALTER TABLE project_rows ADD COLUMN origin SMALLINT;
ALTER TABLE project_rows ADD COLUMN origin_row INTEGER;
ALTER TABLE project_rows ADD COLUMN origin_col SMALLINT;
ALTER TABLE milestone_rows ADD COLUMN origin SMALLINT;
ALTER TABLE milestone_rows ADD COLUMN origin_row INTEGER;
ALTER TABLE milestone_rows ADD COLUMN origin_col SMALLINT;
ALTER TABLE risk_rows ADD COLUMN origin SMALLINT;
ALTER TABLE risk_rows ADD COLUMN origin_row INTEGER;
ALTER TABLE risk_rows ADD COLUMN origin_col SMALLINT;
ALTER TABLE cost_rows ADD COLUMN origin SMALLINT;
ALTER TABLE cost_rows ADD COLUMN origin_row INTEGER;
ALTER TABLE cost_rows ADD COLUMN origin_col SMALLINT;
ALTER TABLE business_case_rows ADD COLUMN origin SMALLINT;
ALTER TABLE business_case_rows ADD COLUMN origin_row INTEGER;
ALTER TABLE business_case_rows ADD COLUMN origin_col SMALLINT;

-- One row per table an import read: its file, sheet and how the file was read (day first, decimal comma...).
CREATE TABLE origin_sources (
    batch_id INTEGER NOT NULL,
    origin SMALLINT NOT NULL,
    entity VARCHAR NOT NULL,
    file_name VARCHAR NOT NULL,
    sheet VARCHAR,
    header_row INTEGER,
    shape VARCHAR,
    reading VARCHAR  -- JSON
);

-- Where each field of a table's rows is read: its column (or row, or both), its unit and currency, and the one
-- way a column of a few words types each value (`typed`, JSON pairs of the value's text and the typed text).
CREATE TABLE origin_columns (
    batch_id INTEGER NOT NULL,
    origin SMALLINT NOT NULL,
    field VARCHAR NOT NULL,
    header VARCHAR,
    sheet_row INTEGER,
    sheet_col SMALLINT,
    scale DOUBLE,
    currency VARCHAR,
    typed VARCHAR,
    rule VARCHAR,
    sections VARCHAR  -- JSON: the section rows a portfolio is read from
);

-- The cells a column does not tell, for the row (origin, origin_row, origin_col; a NULL origin_col speaks for
-- every own column of the row). No sheet cell: the import set the value (rule says how). cell_origin: the table
-- the cell is in, when not the row's own (a line added up from two files).
CREATE TABLE origin_cells (
    batch_id INTEGER NOT NULL,
    origin SMALLINT NOT NULL,
    origin_row INTEGER,
    origin_col SMALLINT,
    field VARCHAR NOT NULL,
    cell_origin SMALLINT,
    sheet_row INTEGER,
    sheet_col SMALLINT,
    raw VARCHAR,
    rule VARCHAR
);

-- The uploaded file kept with its batch (under the uploads folder), until the retention settings delete it.
ALTER TABLE batch_files ADD COLUMN kept_as VARCHAR;
ALTER TABLE batch_files ADD COLUMN deleted_at TIMESTAMP;

CREATE OR REPLACE MACRO projects_at(d) AS TABLE
    SELECT p.* EXCLUDE (origin, origin_row, origin_col) FROM project_rows AS p
    JOIN versions_at(d) AS v
      ON v.entity = 'projects' AND v.present AND p.batch_id = v.batch_id AND p.code = v.project_code;

CREATE OR REPLACE MACRO milestones_at(d) AS TABLE
    SELECT m.* EXCLUDE (origin, origin_row, origin_col) FROM milestone_rows AS m
    JOIN versions_at(d) AS v
      ON v.entity = 'milestones' AND v.present AND m.batch_id = v.batch_id AND m.project_code = v.project_code
    SEMI JOIN projects_at(d) AS p ON p.code = m.project_code;

CREATE OR REPLACE MACRO risks_at(d) AS TABLE
    SELECT r.* EXCLUDE (origin, origin_row, origin_col) FROM risk_rows AS r
    JOIN versions_at(d) AS v
      ON v.entity = 'risks' AND v.present AND r.batch_id = v.batch_id AND r.project_code = v.project_code
    SEMI JOIN projects_at(d) AS p ON p.code = r.project_code;

CREATE OR REPLACE MACRO cost_lines_at(d) AS TABLE
    SELECT c.* EXCLUDE (origin, origin_row, origin_col) FROM cost_rows AS c
    JOIN versions_at(d) AS v
      ON v.entity = 'costs' AND v.present AND c.batch_id = v.batch_id AND c.project_code = v.project_code
    SEMI JOIN projects_at(d) AS p ON p.code = c.project_code;

CREATE OR REPLACE MACRO business_case_at(d) AS TABLE
    SELECT bc.* EXCLUDE (origin, origin_row, origin_col) FROM business_case_rows AS bc
    JOIN versions_at(d) AS v
      ON v.entity = 'business_case' AND v.present AND bc.batch_id = v.batch_id AND bc.project_code = v.project_code
    SEMI JOIN projects_at(d) AS p ON p.code = bc.project_code;

CREATE OR REPLACE MACRO portfolio_risks_at(d, fractions) AS TABLE
    WITH v AS (
        SELECT entity, project_code, batch_id FROM versions_at(d) WHERE present AND entity IN ('projects', 'risks')
    )
    SELECT r.* EXCLUDE (origin, origin_row, origin_col), p.name AS project_name, p.portfolio, p.programme,
           p.manager,
           r.probability::INTEGER * r.impact AS score,
           inherent.band AS band,
           coalesce(r.residual_probability, r.probability) AS net_probability,
           coalesce(r.residual_impact, r.impact) AS net_impact,
           net_probability::INTEGER * net_impact AS residual_score,
           residual.band AS residual_band,
           fractions[r.probability] * r.cost_impact AS exposure,
           fractions[net_probability] * r.cost_impact AS residual_exposure
    FROM risk_rows AS r
    JOIN v AS vr ON vr.entity = 'risks' AND vr.batch_id = r.batch_id AND vr.project_code = r.project_code
    JOIN v AS vp ON vp.entity = 'projects' AND vp.project_code = r.project_code
    JOIN project_rows AS p ON p.batch_id = vp.batch_id AND p.code = vp.project_code
    LEFT JOIN risk_bands AS inherent ON inherent.probability = r.probability AND inherent.impact = r.impact
    LEFT JOIN risk_bands AS residual
      ON residual.probability = coalesce(r.residual_probability, r.probability)
     AND residual.impact = coalesce(r.residual_impact, r.impact);
