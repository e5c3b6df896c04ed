-- Capacity and demand lines keep where they come from, as every other stored row does since 010: the
-- table they were read from, their Excel row and their own column (a month of a wide sheet).
ALTER TABLE capacity_rows ADD COLUMN origin SMALLINT;
ALTER TABLE capacity_rows ADD COLUMN origin_row INTEGER;
ALTER TABLE capacity_rows ADD COLUMN origin_col SMALLINT;
ALTER TABLE demand_rows ADD COLUMN origin SMALLINT;
ALTER TABLE demand_rows ADD COLUMN origin_row INTEGER;
ALTER TABLE demand_rows ADD COLUMN origin_col SMALLINT;

CREATE OR REPLACE MACRO capacity_lines_at(d) AS TABLE
    SELECT c.* EXCLUDE (origin, origin_row, origin_col) FROM capacity_rows AS c
    JOIN versions_at(d) AS v
      ON v.entity = 'resources' AND v.present AND c.batch_id = v.batch_id AND c.team = v.project_code;

CREATE OR REPLACE MACRO demand_lines_at(d) AS TABLE
    SELECT r.* EXCLUDE (origin, origin_row, origin_col) FROM demand_rows AS r
    JOIN versions_at(d) AS v
      ON v.entity = 'demand' AND v.present AND r.batch_id = v.batch_id AND r.project_code = v.project_code
    SEMI JOIN projects_at(d) AS p ON p.code = r.project_code;
