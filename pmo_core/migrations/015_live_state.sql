-- The state on any date, worked out once per import instead of in every query (issue 15).
--
-- versions_at(d) used to find, in every query and for every register, which batch holds each project's rows
-- on the date (an arg_max over the coverage of every live batch), then join the row tables to it, and the
-- project's state again for each register: at 10,000 projects most of a page query's time. The store only
-- changes on an import or a rollback, so each covered version now carries the span of dates on which it is
-- the one counted, [valid_from, valid_to): from its batch's date to the date of the next batch covering the
-- same register of the same project ('infinity' while none does; two batches of one date: the later wins,
-- the earlier's span is empty and left out). A version whose project was listed as absent holds no span.
--
-- version_spans computes the spans from the batches and their coverage; live_versions keeps them (one row
-- per project, register and version). The projects, milestones and risks are kept with their version's span
-- (*_state tables), so that a state reads one table with a date condition; the cost lines, ten times the
-- rest and most of an import's rows, are not copied: cost_state is a view joining them to live_versions
-- (a hash join whose build side is the versions counted on the date, its probe side the cost lines).
-- snapshots.refresh_live_state() brings them up to date inside every import's and rollback's transaction
-- (the versions whose span changed are replaced, nothing else is touched). A column added to a *_rows table
-- must be added to its *_state table in the same migration (tests/core/test_live_state.py checks they match).
CREATE VIEW version_spans AS
    SELECT entity, project_code, batch_id, valid_from, valid_to FROM (
        SELECT c.entity, c.project_code, c.batch_id, c.present, b.as_of AS valid_from,
               coalesce(lead(b.as_of) OVER (PARTITION BY c.entity, c.project_code ORDER BY b.as_of, c.batch_id),
                        'infinity'::DATE) AS valid_to
        FROM coverage AS c JOIN batches AS b USING (batch_id)
        WHERE b.rolled_back_at IS NULL)
    WHERE present AND valid_from < valid_to;

CREATE TABLE live_versions AS SELECT * FROM version_spans ORDER BY entity, project_code, valid_from;

CREATE TABLE project_state AS
    SELECT p.* EXCLUDE (origin, origin_row, origin_col), v.valid_from, v.valid_to
    FROM project_rows AS p
    JOIN live_versions AS v ON v.entity = 'projects' AND v.batch_id = p.batch_id AND v.project_code = p.code
    ORDER BY v.valid_from, p.code;

CREATE TABLE milestone_state AS
    SELECT m.* EXCLUDE (origin, origin_row, origin_col), v.valid_from, v.valid_to
    FROM milestone_rows AS m
    JOIN live_versions AS v
      ON v.entity = 'milestones' AND v.batch_id = m.batch_id AND v.project_code = m.project_code
    ORDER BY v.valid_from, m.project_code;

CREATE TABLE risk_state AS
    SELECT r.* EXCLUDE (origin, origin_row, origin_col), v.valid_from, v.valid_to
    FROM risk_rows AS r
    JOIN live_versions AS v ON v.entity = 'risks' AND v.batch_id = r.batch_id AND v.project_code = r.project_code
    ORDER BY v.valid_from, r.project_code;

CREATE VIEW cost_state AS
    SELECT c.* EXCLUDE (origin, origin_row, origin_col), v.valid_from, v.valid_to
    FROM cost_rows AS c
    JOIN live_versions AS v ON v.entity = 'costs' AND v.batch_id = c.batch_id AND v.project_code = c.project_code;

-- Only the versions counted on the date: every caller asked for `present` ones, which all of these are.
CREATE OR REPLACE MACRO versions_at(d) AS TABLE
    SELECT entity, project_code, batch_id, true AS present FROM live_versions
    WHERE valid_from <= d AND d < valid_to;

CREATE OR REPLACE MACRO projects_at(d) AS TABLE
    SELECT * EXCLUDE (valid_from, valid_to) FROM project_state WHERE valid_from <= d AND d < valid_to;

CREATE OR REPLACE MACRO milestones_at(d) AS TABLE
    SELECT m.* EXCLUDE (valid_from, valid_to) FROM milestone_state AS m
    SEMI JOIN projects_at(d) AS p ON p.code = m.project_code
    WHERE m.valid_from <= d AND d < m.valid_to;

CREATE OR REPLACE MACRO risks_at(d) AS TABLE
    SELECT r.* EXCLUDE (valid_from, valid_to) FROM risk_state AS r
    SEMI JOIN projects_at(d) AS p ON p.code = r.project_code
    WHERE r.valid_from <= d AND d < r.valid_to;

CREATE OR REPLACE MACRO cost_lines_at(d) AS TABLE
    SELECT c.* EXCLUDE (valid_from, valid_to) FROM cost_state AS c
    SEMI JOIN projects_at(d) AS p ON p.code = c.project_code
    WHERE c.valid_from <= d AND d < c.valid_to;

CREATE OR REPLACE MACRO portfolio_risks_at(d, fractions) AS TABLE
    SELECT r.* EXCLUDE (valid_from, valid_to), p.name AS project_name, p.portfolio, p.programme, p.manager,
           r.probability::INTEGER * r.impact AS score,
           inherent.band AS band,
           coalesce(r.residual_probability, r.probability) AS net_probability,
           coalesce(r.residual_impact, r.impact) AS net_impact,
           net_probability::INTEGER * net_impact AS residual_score,
           residual.band AS residual_band,
           fractions[r.probability] * r.cost_impact AS exposure,
           fractions[net_probability] * r.cost_impact AS residual_exposure
    FROM risk_state AS r
    JOIN projects_at(d) AS p ON p.code = r.project_code
    LEFT JOIN risk_bands AS inherent ON inherent.probability = r.probability AND inherent.impact = r.impact
    LEFT JOIN risk_bands AS residual
      ON residual.probability = coalesce(r.residual_probability, r.probability)
     AND residual.impact = coalesce(r.residual_impact, r.impact)
    WHERE r.valid_from <= d AND d < r.valid_to;
