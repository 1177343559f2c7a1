-- Exam attempts. Each attempt holds its own form (exam_item): the questions drawn for it, the
-- order its options were shown in and the learner's answers, autosaved one item at a time.
CREATE TABLE exam_attempt (
    -- random, so an attempt's address cannot be guessed
    id                VARCHAR(36)  PRIMARY KEY,
    person_id         BIGINT       NOT NULL REFERENCES person (id),
    target_group      VARCHAR(24)  NOT NULL,
    framework_version VARCHAR(20)  NOT NULL,
    status            VARCHAR(10)  NOT NULL,
    -- equals person_id while the attempt is ACTIVE and is NULL after: the unique constraint
    -- allows one active attempt per person on every database (NULLs never collide)
    active_person_id  BIGINT,
    started_at        TIMESTAMP    NOT NULL,
    deadline          TIMESTAMP    NOT NULL,
    pass_percent      INT          NOT NULL,
    question_count    INT          NOT NULL,
    -- touched by every autosave: the row lock orders autosaves against grading
    last_saved_at     TIMESTAMP,
    finished_at       TIMESTAMP,
    -- SUBMITTED by the learner, or TIMED_OUT when the deadline passed first
    finished_how      VARCHAR(10),
    correct_count     INT,
    score_percent     INT,
    passed            BOOLEAN,
    client_ip         VARCHAR(45),
    device            VARCHAR(64),
    CONSTRAINT ux_attempt_active UNIQUE (active_person_id)
);
CREATE INDEX ix_attempt_person ON exam_attempt (person_id, target_group);
CREATE INDEX ix_attempt_deadline ON exam_attempt (status, deadline);

CREATE TABLE exam_item (
    attempt_id   VARCHAR(36) NOT NULL REFERENCES exam_attempt (id),
    position     INT         NOT NULL,
    question_id  BIGINT      NOT NULL REFERENCES question (id),
    -- comma-separated: shown position -> original option index
    option_order VARCHAR(40) NOT NULL,
    -- the learner's answer in shown positions (for ORDERING, in their chosen order)
    choice       VARCHAR(40),
    answered_at  TIMESTAMP,
    correct      BOOLEAN,
    PRIMARY KEY (attempt_id, position)
);
CREATE INDEX ix_item_question ON exam_item (question_id);
