-- Every check on the staging table reads one job's rows as a set (hash joins), so an index on
-- (job_id, id_hash) only slowed the COPY of large files; the job id alone is enough to find them.
DROP INDEX ix_stage_job_hash;
CREATE INDEX ix_stage_job ON import_person_stage (job_id);
