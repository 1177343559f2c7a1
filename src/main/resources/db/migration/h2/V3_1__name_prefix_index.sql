-- H2 already has a btree on name_folded (V1_1); PostgreSQL adds its pattern-ops twin here.
SELECT 1;
