-- The criteria a campaign checks proposals against, as data the emulation office sets: for a unit
-- proposed, the share of its targets (indicators with a target) it met in the campaign's year.
CREATE TABLE reward_criterion (
    campaign_id             BIGINT       NOT NULL PRIMARY KEY REFERENCES reward_campaign (id),
    min_targets_met_percent INT          NOT NULL,
    set_by                  VARCHAR(64)  NOT NULL,
    set_at                  TIMESTAMP    NOT NULL
);
