package vn.binhdan.emulation.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class RewardRepository {

    private final JdbcClient jdbc;

    public RewardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record CampaignRow(long id, long unitId, String unitPath, String title, int year) {
    }

    public record ProposalRow(long id, long campaignId, long proposerUnitId, String proposerPath, Long candidateUnitId,
                              Long personId, String candidateName, String candidatePath, String rewardForm,
                              String reason, String status, Instant submittedAt, String appraisalNote,
                              Long decisionId, String decisionNumber, LocalDate decidedOn) {
    }

    public record DecisionRow(long id, long campaignId, String number, LocalDate decidedOn) {
    }

    public record RewardRow(String campaignTitle, int year, String rewardForm, String number, LocalDate decidedOn,
                            String reason) {
    }

    public long insertCampaign(long unitId, String unitPath, String title, int year, String by, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO reward_campaign (unit_id, unit_path, title, campaign_year, created_by, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(unitId, unitPath, title, year, by, Timestamp.from(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    private static CampaignRow campaign(ResultSet rs) throws SQLException {
        return new CampaignRow(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_path"), rs.getString("title"),
                rs.getInt("campaign_year"));
    }

    /** The campaign's minimum share of targets met for a unit proposed, when one is set. */
    public Optional<Integer> minTargetsMet(long campaignId) {
        return jdbc.sql("SELECT min_targets_met_percent FROM reward_criterion WHERE campaign_id = ?").param(campaignId)
                .query(Integer.class).optional();
    }

    public void setMinTargetsMet(long campaignId, Integer percent, String by, java.time.Instant at) {
        jdbc.sql("DELETE FROM reward_criterion WHERE campaign_id = ?").param(campaignId).update();
        if (percent != null) {
            jdbc.sql("INSERT INTO reward_criterion (campaign_id, min_targets_met_percent, set_by, set_at) VALUES (?, ?, ?, ?)")
                    .params(campaignId, percent, by, java.sql.Timestamp.from(at)).update();
        }
    }

    public Optional<CampaignRow> campaign(long id) {
        return jdbc.sql("SELECT * FROM reward_campaign WHERE id = ?").param(id).query((rs, n) -> campaign(rs)).optional();
    }

    public List<CampaignRow> campaigns() {
        return jdbc.sql("SELECT * FROM reward_campaign ORDER BY campaign_year DESC, id DESC")
                .query((rs, n) -> campaign(rs)).list();
    }

    private static final String PROPOSAL = "SELECT p.*, d.number AS decision_number, d.decided_on FROM reward_proposal p"
            + " LEFT JOIN reward_decision d ON d.id = p.decision_id";

    private static ProposalRow proposal(ResultSet rs) throws SQLException {
        Timestamp submitted = rs.getTimestamp("submitted_at");
        Date decided = rs.getDate("decided_on");
        return new ProposalRow(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("proposer_unit_id"),
                rs.getString("proposer_path"), rs.getObject("candidate_unit_id", Long.class),
                rs.getObject("person_id", Long.class), rs.getString("candidate_name"), rs.getString("candidate_path"),
                rs.getString("reward_form"), rs.getString("reason"), rs.getString("status"),
                submitted == null ? null : submitted.toInstant(), rs.getString("appraisal_note"),
                rs.getObject("decision_id", Long.class), rs.getString("decision_number"),
                decided == null ? null : decided.toLocalDate());
    }

    public Optional<ProposalRow> proposal(long id) {
        return jdbc.sql(PROPOSAL + " WHERE p.id = ?").param(id).query((rs, n) -> proposal(rs)).optional();
    }

    public List<ProposalRow> proposals(long campaignId) {
        return jdbc.sql(PROPOSAL + " WHERE p.campaign_id = ? ORDER BY p.id").param(campaignId)
                .query((rs, n) -> proposal(rs)).list();
    }

    public List<ProposalRow> proposalsOfDecision(long decisionId) {
        return jdbc.sql(PROPOSAL + " WHERE p.decision_id = ? ORDER BY p.id").param(decisionId)
                .query((rs, n) -> proposal(rs)).list();
    }

    public boolean proposed(long campaignId, Long candidateUnitId, Long personId) {
        return jdbc.sql("SELECT COUNT(*) FROM reward_proposal WHERE campaign_id = ? AND (candidate_unit_id = ? OR person_id = ?)")
                .params(campaignId, candidateUnitId, personId).query(Long.class).single() > 0;
    }

    public long insertProposal(long campaignId, long proposerUnitId, String proposerPath, Long candidateUnitId,
                               Long personId, String name, String candidatePath, String form, String reason, String by,
                               Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO reward_proposal (campaign_id, proposer_unit_id, proposer_path, candidate_unit_id, person_id,"
                        + " candidate_name, candidate_path, reward_form, reason, status, created_by, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?)")
                .params(campaignId, proposerUnitId, proposerPath, candidateUnitId, personId, name, candidatePath, form,
                        reason, by, Timestamp.from(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Moves a proposal on only from the status the caller saw, so two clicks never both pass. */
    public boolean submit(long id, String by, Instant at) {
        return jdbc.sql("UPDATE reward_proposal SET status = 'SUBMITTED', submitted_by = ?, submitted_at = ?"
                + " WHERE id = ? AND status = 'DRAFT'").params(by, Timestamp.from(at), id).update() == 1;
    }

    public boolean appraise(long id, boolean accepted, String note, String by, Instant at) {
        return jdbc.sql("UPDATE reward_proposal SET status = ?, appraisal_note = ?, appraised_by = ?, appraised_at = ?"
                        + " WHERE id = ? AND status = 'SUBMITTED'")
                .params(accepted ? "ACCEPTED" : "REJECTED", note, by, Timestamp.from(at), id).update() == 1;
    }

    public Optional<DecisionRow> decision(long id) {
        return jdbc.sql("SELECT id, campaign_id, number, decided_on FROM reward_decision WHERE id = ?").param(id)
                .query((rs, n) -> new DecisionRow(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getDate(4).toLocalDate())).optional();
    }

    public Optional<DecisionRow> decisionByNumber(long campaignId, String number) {
        return jdbc.sql("SELECT id, campaign_id, number, decided_on FROM reward_decision WHERE campaign_id = ? AND number = ?")
                .params(campaignId, number)
                .query((rs, n) -> new DecisionRow(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getDate(4).toLocalDate())).optional();
    }

    public List<DecisionRow> decisions(long campaignId) {
        return jdbc.sql("SELECT id, campaign_id, number, decided_on FROM reward_decision WHERE campaign_id = ? ORDER BY id")
                .param(campaignId).query((rs, n) -> new DecisionRow(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getDate(4).toLocalDate())).list();
    }

    public long insertDecision(long campaignId, String number, LocalDate on, String by, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO reward_decision (campaign_id, number, decided_on, created_by, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(campaignId, number, Date.valueOf(on), by, Timestamp.from(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public boolean decide(long proposalId, long decisionId) {
        return jdbc.sql("UPDATE reward_proposal SET status = 'DECIDED', decision_id = ? WHERE id = ? AND status = 'ACCEPTED'")
                .params(decisionId, proposalId).update() == 1;
    }

    private static final String REWARDS = "SELECT c.title, c.campaign_year, p.reward_form, d.number, d.decided_on, p.reason"
            + " FROM reward_proposal p JOIN reward_campaign c ON c.id = p.campaign_id"
            + " JOIN reward_decision d ON d.id = p.decision_id WHERE p.status = 'DECIDED' AND ";

    private static RewardRow reward(ResultSet rs) throws SQLException {
        return new RewardRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                rs.getDate(5).toLocalDate(), rs.getString(6));
    }

    public List<RewardRow> rewardsOfPerson(long personId) {
        return jdbc.sql(REWARDS + "p.person_id = ? ORDER BY d.decided_on DESC").param(personId)
                .query((rs, n) -> reward(rs)).list();
    }

    public List<RewardRow> rewardsOfUnit(long unitId) {
        return jdbc.sql(REWARDS + "p.candidate_unit_id = ? ORDER BY d.decided_on DESC").param(unitId)
                .query((rs, n) -> reward(rs)).list();
    }
}
