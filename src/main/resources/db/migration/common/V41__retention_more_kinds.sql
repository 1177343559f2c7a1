-- Exam answers serve the integrity review, not the score (kept by "correct"); the audit trail is
-- the proof of who read whose record and must outlive any complaint about it.
INSERT INTO retention_rule (kind, days, minimum_days, action) VALUES ('EXAM_ANSWER', 730, 365, 'ANONYMISE');
INSERT INTO retention_rule (kind, days, minimum_days, action) VALUES ('AUDIT_ENTRY', 1825, 730, 'DELETE');
