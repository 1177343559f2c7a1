-- "Pick the safe one" questions show a picture per option; the option's text is its alt text.
-- Pictures are stored once by content hash (question_media).
CREATE TABLE question_option_image (
    question_id  BIGINT      NOT NULL REFERENCES question (id),
    option_index INT         NOT NULL,
    media_sha    VARCHAR(64) NOT NULL,
    PRIMARY KEY (question_id, option_index)
);

CREATE TABLE question_media (
    sha        VARCHAR(64) PRIMARY KEY,
    media_type VARCHAR(40) NOT NULL,
    content    BYTEA       NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    created_at TIMESTAMP   NOT NULL
);
