-- Lists of persons are audited with the number of persons they returned, so an administrator can
-- see how much personal data a query exposed; refusals and lists are filtered by actor and action.
ALTER TABLE audit_event ADD COLUMN person_count INTEGER;
CREATE INDEX ix_audit_actor ON audit_event (actor, id);
CREATE INDEX ix_audit_action ON audit_event (action, id);
