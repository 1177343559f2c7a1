-- Prefix searches on paths and folded names need pattern-ops indexes under a non-C collation.
CREATE INDEX ix_unit_path ON unit (path varchar_pattern_ops);
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX ix_person_name_trgm ON person USING gin (name_folded gin_trgm_ops);
