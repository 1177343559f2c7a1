-- Compliance indicators (issue 16, part 4): "units of a level that meet a per-unit rule within a
-- window". An indicator of source COMPLIANCE has one or more conditions here, all of which a unit
-- must meet; they are data, installed from campaign/compliance.csv and editable through the API.
CREATE TABLE indicator_compliance (
    indicator_code VARCHAR(40)  NOT NULL REFERENCES indicator (code),
    position       INT          NOT NULL,
    -- the monitoring metric counted (CLASSES_HELD, OUTREACH_POSTS, EVENT_PARTICIPANTS, ...)
    metric         VARCHAR(40)  NOT NULL,
    -- comma-separated kinds that count (outreach channels, event kinds); NULL = every record
    kinds          VARCHAR(200),
    -- GE (at least) or GT (more than)
    comparison     VARCHAR(2)   NOT NULL,
    threshold      BIGINT       NOT NULL,
    -- the window within each year as MM-DD, whole months: 01-01 .. 06-30
    window_from    VARCHAR(5)   NOT NULL,
    window_to      VARCHAR(5)   NOT NULL,
    -- TRUE: the rule must hold in every month of the window so far, not over the window as a whole
    each_month     BOOLEAN      NOT NULL,
    PRIMARY KEY (indicator_code, position)
);

-- Live values a new release counts differently: the rollups are rebuilt from the records once on
-- the next start (outreach and events now also count per channel and per kind).
CREATE TABLE mon_pending_rebuild (
    reason VARCHAR(60) PRIMARY KEY
);
INSERT INTO mon_pending_rebuild (reason) VALUES ('community counts per kind');
