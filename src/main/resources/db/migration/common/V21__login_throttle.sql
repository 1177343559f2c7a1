-- Failed logins are throttled per account, per client address and per pair of both, with
-- growing delays, instead of the account lock that anyone could impose on any official.
CREATE TABLE login_throttle (
    throttle_key    VARCHAR(200) PRIMARY KEY,
    failures        INT          NOT NULL DEFAULT 0,
    blocked_until   TIMESTAMP,
    last_failure_at TIMESTAMP
);

-- the old locks end now: nothing sets them any more
UPDATE account SET failed_logins = 0, locked_until = NULL;
