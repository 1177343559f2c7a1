CREATE INDEX ix_unit_path ON unit (path);
CREATE INDEX ix_person_name ON person (name_folded);
