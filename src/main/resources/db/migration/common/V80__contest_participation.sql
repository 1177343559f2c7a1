-- Participation reaches the dashboards (issue 18, item 4): a person counts once per contest, at
-- the unit they lived in and on the day of their first entry. The registration row records that
-- first entry, so a start needs no count over the contest's entries to know it is the first.
ALTER TABLE contest_registration ADD COLUMN first_entry_at TIMESTAMP;

-- entries imported from a round held elsewhere did not register their people
INSERT INTO contest_registration (contest_id, person_id, unit_path, registered_at)
SELECT r.contest_id, e.person_id, MIN(e.unit_path), MIN(e.started_at)
FROM contest_entry e JOIN contest_round r ON r.id = e.round_id
WHERE NOT EXISTS (SELECT 1 FROM contest_registration g WHERE g.contest_id = r.contest_id AND g.person_id = e.person_id)
GROUP BY r.contest_id, e.person_id;

UPDATE contest_registration SET first_entry_at = (
    SELECT MIN(e.started_at) FROM contest_entry e JOIN contest_round r ON r.id = e.round_id
    WHERE r.contest_id = contest_registration.contest_id AND e.person_id = contest_registration.person_id);

CREATE INDEX ix_contest_registration_entered ON contest_registration (first_entry_at);

-- the live values gain the contest's participants: count those who entered before this release
INSERT INTO mon_pending_rebuild (reason) VALUES ('contest participants');
