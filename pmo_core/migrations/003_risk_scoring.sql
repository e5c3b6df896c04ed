-- Risks scored the one way every page scores them (pmo_core/risks.py is the reference, with its tests).
--
-- score = probability x impact; the band is looked up in risk_bands, never computed, so an organisation's
-- own table (probability 4 x impact 2 = low) holds everywhere. The residual rating uses
-- residual_probability and residual_impact where the tracker gives them, otherwise the inherent values
-- (net_probability, net_impact). Exposure = probability as a fraction x cost impact, NULL without a
-- cost impact; `fractions` is the probability_fractions setting as a DOUBLE[5] list bound by the caller:
--     SELECT * FROM portfolio_risks_at($d::DATE, $fractions)
--
-- portfolio_risks_at(d) holds the same rows as risks_at(d) joined to projects_at(d), with the project's
-- name, portfolio, programme and manager; it reads versions_at(d) once instead of three times, which keeps
-- a 100,000-risk heatmap well under 100 ms.
CREATE MACRO portfolio_risks_at(d, fractions) AS TABLE
    WITH v AS (
        SELECT entity, project_code, batch_id FROM versions_at(d) WHERE present AND entity IN ('projects', 'risks')
    )
    SELECT r.*, p.name AS project_name, p.portfolio, p.programme, p.manager,
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

-- The scored risks alone, for queries that join projects their own way.
CREATE MACRO scored_risks_at(d, fractions) AS TABLE
    SELECT * EXCLUDE (project_name, portfolio, programme, manager) FROM portfolio_risks_at(d, fractions);
