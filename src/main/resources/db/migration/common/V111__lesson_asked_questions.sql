-- The questions learners ask that each part of a lesson answers (heading, tab, question per line),
-- shipped with the lesson so the assistant recognises everyday wordings of what the lesson teaches.
ALTER TABLE lesson ADD COLUMN asked TEXT;
