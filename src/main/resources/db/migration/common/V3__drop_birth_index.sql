-- No query looks persons up by birth date (age groups are counted over a unit's residents), and
-- each index costs every row of a bulk import.
DROP INDEX ix_person_birth;
