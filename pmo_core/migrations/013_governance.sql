-- Governance: the PMO's rules checked on every project, the phases and their gates, the organisation's
-- glossary, and the date a risk register was last reviewed (pmo_core/governance.py, compliance.py and
-- glossary.py are the reference, with their tests).

-- A rule that differs from its shipped default (governance.RULES declares them): whether it is checked, and its
-- figure (days or an amount) where it has one. A rule with no row here is checked with its default.
CREATE TABLE governance_rules (
    rule VARCHAR PRIMARY KEY,
    enabled BOOLEAN NOT NULL,
    threshold DOUBLE,
    updated_at TIMESTAMP NOT NULL,
    updated_by VARCHAR NOT NULL
);

-- The phases of a project's life in order, and the milestones or deliverables that pass each one's gate
-- (written in either language; a project past a phase must have achieved them). An empty table means the
-- shipped phases (governance.DEFAULT_PHASES); saving none is refused (the rule is switched off instead).
CREATE TABLE governance_phases (
    position INTEGER PRIMARY KEY,
    name_en VARCHAR NOT NULL,
    name_fr VARCHAR NOT NULL,
    gate VARCHAR[] NOT NULL DEFAULT [],
    updated_at TIMESTAMP NOT NULL,
    updated_by VARCHAR NOT NULL
);

-- The organisation's words: a term in English and French, its definition, and the field a column headed
-- with the term is read into ('projects.budget'), so the importer understands the words the PMO sets.
CREATE SEQUENCE glossary_ids START 1;
CREATE TABLE glossary (
    term_id INTEGER PRIMARY KEY DEFAULT nextval('glossary_ids'),
    term_en VARCHAR,
    term_fr VARCHAR,
    definition_en VARCHAR,
    definition_fr VARCHAR,
    field VARCHAR,
    updated_at TIMESTAMP NOT NULL,
    updated_by VARCHAR NOT NULL,
    CHECK (coalesce(term_en, term_fr) IS NOT NULL)
);

-- When the risk owner last reviewed a risk, as the register states it (the rule "risks reviewed within N days").
ALTER TABLE risk_rows ADD COLUMN last_review DATE;
