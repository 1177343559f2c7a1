-- Most searches type a name from its start. Folded names are plain ASCII, so byte order is the
-- natural order: with the C collation one btree answers "starts with" in name order and stops
-- at the page, where the trigram index must collect every match first.
ALTER TABLE person ALTER COLUMN name_folded TYPE VARCHAR(200) COLLATE "C";
CREATE INDEX ix_person_name_prefix ON person (name_folded);
