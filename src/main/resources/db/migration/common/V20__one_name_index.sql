-- V15 added a btree on name_folded for matching offline guidance entries, but each database
-- already had one (H2: ix_person_name, V1_1; PostgreSQL: ix_person_name_prefix, V3_1). The
-- twin answered nothing new and every person written paid for it, a bulk import most of all.
DROP INDEX ix_person_name_folded;
