-- For the integrity review: where the taker lives (the reviewer's scope) and each answer in the
-- question's own option order (forms are shuffled per attempt, so shown positions cannot be
-- compared across attempts).
ALTER TABLE exam_attempt ADD COLUMN unit_path VARCHAR(400);
ALTER TABLE exam_item ADD COLUMN original_choice VARCHAR(40);
CREATE INDEX ix_attempt_finished ON exam_attempt (finished_at);
