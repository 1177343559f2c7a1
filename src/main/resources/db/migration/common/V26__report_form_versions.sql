-- Report forms set up by a province, versioned: each edit writes a new version, and a report
-- keeps the version it was started on, so editing a form never changes what a unit is filling
-- in or has filed.

-- the version new reports are started on
ALTER TABLE report_form ADD COLUMN current_version INT NOT NULL DEFAULT 1;
-- official code of the unit (a province) that set the form up and whose units alone file it;
-- NULL for a form of the whole platform
ALTER TABLE report_form ADD COLUMN owner_code VARCHAR(40);

CREATE TABLE report_form_version (
    form_code      VARCHAR(40)  NOT NULL REFERENCES report_form (code),
    version        INT          NOT NULL,
    name_vi        VARCHAR(300) NOT NULL,
    name_en        VARCHAR(300) NOT NULL,
    -- MONTH, QUARTER, HALF_YEAR or YEAR
    period_type    VARCHAR(10)  NOT NULL,
    -- the rule of every level without one of its own, e.g. "FIXED_DATE 12-10"
    due_rule       VARCHAR(40)  NOT NULL,
    reporter_types VARCHAR(200) NOT NULL,
    sections       VARCHAR(200) NOT NULL,
    -- days before the due date on which units still behind are reminded, e.g. "7,1"; empty: none
    reminder_days  VARCHAR(60)  NOT NULL DEFAULT '',
    created_by     VARCHAR(64)  NOT NULL,
    created_at     TIMESTAMP    NOT NULL,
    PRIMARY KEY (form_code, version)
);

CREATE TABLE report_form_version_item (
    form_code      VARCHAR(40) NOT NULL,
    version        INT         NOT NULL,
    indicator_code VARCHAR(40) NOT NULL REFERENCES indicator (code),
    position       INT         NOT NULL,
    PRIMARY KEY (form_code, version, indicator_code),
    FOREIGN KEY (form_code, version) REFERENCES report_form_version (form_code, version)
);

-- A level's own due rule, e.g. the province to its People's Committee before the 30th.
CREATE TABLE report_form_level_due (
    form_code VARCHAR(40) NOT NULL,
    version   INT         NOT NULL,
    unit_type VARCHAR(20) NOT NULL,
    due_rule  VARCHAR(40) NOT NULL,
    PRIMARY KEY (form_code, version, unit_type),
    FOREIGN KEY (form_code, version) REFERENCES report_form_version (form_code, version)
);

INSERT INTO report_form_version (form_code, version, name_vi, name_en, period_type, due_rule, reporter_types, sections,
                                 reminder_days, created_by, created_at)
SELECT code, 1, name_vi, name_en, period_type, due_rule, reporter_types, sections, '', 'system', installed_at
FROM report_form;

INSERT INTO report_form_version_item (form_code, version, indicator_code, position)
SELECT form_code, 1, indicator_code, position FROM report_form_item;

-- the version a report was started on (reports before versioning: the first)
ALTER TABLE report_submission ADD COLUMN form_version INT NOT NULL DEFAULT 1;
