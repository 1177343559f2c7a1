-- One row the start-up installers of shipped content (questions, indicators, report forms, the
-- framework) lock while they compare and install, so that instances started together do not both
-- upgrade the same piece (a form would get two new versions, a question two archived copies).
INSERT INTO shipped_content (kind, code, shipped_hash, installed_at)
VALUES ('LOCK', 'install', '-', CURRENT_TIMESTAMP);
