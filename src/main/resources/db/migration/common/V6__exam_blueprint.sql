-- How an exam is drawn for a target group: questions per competency area, the difficulty mix,
-- time limit, pass mark, attempts and the wait between them. Configuration, not code: the exact
-- rules of Annex II (Decision 757/QĐ-BKHCN) are set by an administrator.
CREATE TABLE exam_blueprint (
    target_group      VARCHAR(24)  PRIMARY KEY,
    framework_version VARCHAR(20)  NOT NULL REFERENCES skills_framework (version),
    -- JSON object: area code -> number of questions
    per_area          VARCHAR(1000) NOT NULL,
    easy_percent      INT          NOT NULL,
    medium_percent    INT          NOT NULL,
    hard_percent      INT          NOT NULL,
    time_limit_minutes INT         NOT NULL,
    pass_percent      INT          NOT NULL,
    max_attempts      INT          NOT NULL,
    wait_hours        INT          NOT NULL,
    updated_by        VARCHAR(64)  NOT NULL,
    updated_at        TIMESTAMP    NOT NULL
);
