-- Import jobs that clean up after themselves and survive a crash (issue 15, items 6 and 8).

-- The row the header was found on: a title or blank rows may stand above it.
ALTER TABLE import_job ADD COLUMN header_row BIGINT NOT NULL DEFAULT 1;

-- SHA-256 of the uploaded bytes: the same file started twice at once is refused, not raced.
ALTER TABLE import_job ADD COLUMN file_hash VARCHAR(64);

-- kind:file_hash while the job runs, NULL otherwise. NULLs never collide, so the unique
-- constraint lets one run of a given file at a time, across every instance, on H2 and PostgreSQL
-- alike (H2 has no partial indexes).
ALTER TABLE import_job ADD COLUMN running_key VARCHAR(100);
ALTER TABLE import_job ADD CONSTRAINT ux_import_job_running UNIQUE (running_key);

-- Which instance runs the job and when it last said it is alive: a job whose heartbeat stopped
-- was cut off by a crash and is failed by whichever instance notices first.
ALTER TABLE import_job ADD COLUMN owner VARCHAR(64);
ALTER TABLE import_job ADD COLUMN heartbeat_at TIMESTAMP;

-- Nothing was applied and the same file may simply be imported again.
ALTER TABLE import_job ADD COLUMN retriable BOOLEAN NOT NULL DEFAULT FALSE;

-- The sweeps look jobs up by state and age.
CREATE INDEX ix_import_job_status ON import_job (status, created_at);
