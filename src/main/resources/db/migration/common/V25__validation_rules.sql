-- Validation rules as data (after DHIS2's): "left operator right" over a report's figures, the
-- previous period's and the registry's population, with an importance and a message. ERROR blocks
-- submission; WARNING needs the submitter's explanation, kept with the report for the approver.

CREATE TABLE validation_rule (
    code           VARCHAR(40)  PRIMARY KEY,
    -- an indicator code, or * for every indicator of a form (narrowed by measure)
    indicator_code VARCHAR(40)  NOT NULL,
    -- SHARE or COUNT when indicator_code is *; NULL for any
    measure        VARCHAR(10),
    -- a target group (or ALL); NULL for each group of the indicator
    target_group   VARCHAR(24),
    left_side      VARCHAR(300) NOT NULL,
    -- one of == != < <= > >=
    operator       VARCHAR(2)   NOT NULL,
    right_side     VARCHAR(300) NOT NULL,
    -- ERROR or WARNING
    importance     VARCHAR(8)   NOT NULL,
    message_vi     VARCHAR(500) NOT NULL,
    message_en     VARCHAR(500) NOT NULL,
    -- the province whose reports it checks; NULL for a rule shipped for every province
    unit_id        BIGINT       REFERENCES unit (id),
    active         BOOLEAN      NOT NULL DEFAULT TRUE,
    sort_order     INT          NOT NULL,
    updated_by     VARCHAR(64)  NOT NULL,
    updated_at     TIMESTAMP    NOT NULL
);

-- Why a figure a warning questions is right, typed by the unit; key = rule/indicator/group.
CREATE TABLE report_explanation (
    submission_id BIGINT        NOT NULL REFERENCES report_submission (id),
    violation_key VARCHAR(130)  NOT NULL,
    body          VARCHAR(2000) NOT NULL,
    entered_by    VARCHAR(64)   NOT NULL,
    entered_at    TIMESTAMP     NOT NULL,
    PRIMARY KEY (submission_id, violation_key)
);
