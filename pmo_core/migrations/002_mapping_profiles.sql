-- Saved column mappings: applied by themselves when a table with the same headers arrives again.
CREATE TABLE mapping_profiles (
    name VARCHAR PRIMARY KEY,
    signature VARCHAR NOT NULL,
    entity VARCHAR,
    fields_json VARCHAR NOT NULL,
    scales_json VARCHAR NOT NULL DEFAULT '{}',
    wide_measure VARCHAR,
    created_at TIMESTAMP NOT NULL,
    created_by VARCHAR NOT NULL
);
CREATE INDEX mapping_profiles_signature ON mapping_profiles (signature);
