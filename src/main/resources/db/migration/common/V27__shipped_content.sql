-- Which release of each piece of shipped content (courses) a province runs, so that a new release's
-- improved or new lessons reach it, unless the province edited the piece itself.
CREATE TABLE shipped_content (
    kind          VARCHAR(20) NOT NULL,
    code          VARCHAR(60) NOT NULL,
    -- SHA-256 of the shipped files now installed
    shipped_hash  VARCHAR(64) NOT NULL,
    -- the content's own edit stamp right after it was installed: a later stamp is a local edit
    installed_at  TIMESTAMP   NOT NULL,
    -- a newer shipped release left uninstalled because the province edited this piece
    waiting_hash  VARCHAR(64),
    waiting_since TIMESTAMP,
    PRIMARY KEY (kind, code)
);
