-- What the second pass on trackers keeps: a project's lifecycle state beside its RAG status, the exchange
-- rates an import converted amounts at, and the mapping screen's other choices in each saved profile.

-- Where a project stands in its life (not started, in progress, completed...), read from words such as
-- "completed", "behind schedule" or "en réalisation": distinct from the RAG status. The *_at() macros
-- select p.*, so the column reaches every view.
ALTER TABLE project_rows ADD COLUMN lifecycle VARCHAR;

-- The rates an import used: amounts in another currency than the store's are converted at these, or not
-- stored at all (rate NULL), never mixed in silently.
CREATE TABLE batch_rates (
    batch_id INTEGER NOT NULL,
    currency VARCHAR NOT NULL,  -- the file's currency, as an ISO code (CAD, USD, GBP...)
    store_currency VARCHAR NOT NULL,
    rate DOUBLE,  -- 1 unit of `currency` is worth `rate` units of `store_currency`; NULL: amounts not stored
    PRIMARY KEY (batch_id, currency)
);

-- The shape of the table (header row, none, transposed), each column's currency, several columns feeding one
-- field in order, the project of a whole table, the project each unmatched title names, the rates chosen.
-- (DuckDB alters no table an index depends on: the index goes and comes back.)
DROP INDEX mapping_profiles_signature;
ALTER TABLE mapping_profiles ADD COLUMN options_json VARCHAR NOT NULL DEFAULT '{}';
CREATE INDEX mapping_profiles_signature ON mapping_profiles (signature);
