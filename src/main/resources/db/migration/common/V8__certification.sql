-- Certificates and the keys that sign them. A certificate row keeps the signed credential exactly
-- as issued; the PDF is drawn from the row whenever it is asked for.
CREATE TABLE issuer_key (
    -- the issuing province (unit code) and the key's fragment in its verification method id
    issuer_code  VARCHAR(20)  NOT NULL,
    key_id       VARCHAR(40)  NOT NULL,
    -- Ed25519 public key, multibase (z6Mk...)
    public_key   VARCHAR(100) NOT NULL,
    -- PKCS#8 private key sealed with AES-GCM under binhdan.certification.key-secret
    private_key  VARCHAR(400) NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    -- set when a newer key took over signing; the key still verifies what it signed
    retired_at   TIMESTAMP,
    PRIMARY KEY (issuer_code, key_id)
);

CREATE TABLE certificate (
    id                VARCHAR(36)   PRIMARY KEY,
    -- what people read and type: province code, year, sequence
    number            VARCHAR(30)   NOT NULL,
    issuer_code       VARCHAR(20)   NOT NULL,
    -- position in the issuer's revocation status list (random, so it tells nothing)
    status_index      INT           NOT NULL,
    person_id         BIGINT        NOT NULL REFERENCES person (id),
    target_group      VARCHAR(24)   NOT NULL,
    -- the person's residence unit path when issued: officers' scope
    unit_path         VARCHAR(400)  NOT NULL,
    attempt_id        VARCHAR(36),
    framework_version VARCHAR(20)   NOT NULL,
    score_percent     INT,
    issued_at         TIMESTAMP     NOT NULL,
    credential        VARCHAR(16000) NOT NULL,
    revoked_at        TIMESTAMP,
    revoked_by        VARCHAR(64),
    revocation_reason VARCHAR(500),
    CONSTRAINT ux_certificate_number UNIQUE (number),
    CONSTRAINT ux_certificate_status UNIQUE (issuer_code, status_index),
    CONSTRAINT ux_certificate_attempt UNIQUE (attempt_id)
);
CREATE INDEX ix_certificate_person ON certificate (person_id, target_group);
CREATE INDEX ix_certificate_unit ON certificate (unit_path);
