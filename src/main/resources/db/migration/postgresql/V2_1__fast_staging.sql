-- Staged rows are transient (deleted when their job ends) and never needed after a crash:
-- no write-ahead log for them.
ALTER TABLE import_person_stage SET UNLOGGED;
-- Hex digests compare byte by byte; a linguistic collation only makes their indexes and joins slower.
ALTER TABLE import_person_stage ALTER COLUMN id_hash TYPE VARCHAR(64) COLLATE "C";
ALTER TABLE import_person_stage ALTER COLUMN data_hash TYPE VARCHAR(64) COLLATE "C";
ALTER TABLE person ALTER COLUMN id_hash TYPE VARCHAR(64) COLLATE "C";
ALTER TABLE person ALTER COLUMN data_hash TYPE VARCHAR(64) COLLATE "C";
