package vn.binhdan.campaign.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class PartnerRepository {

    private final JdbcClient jdbc;

    public PartnerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record PartnerRow(long id, long unitId, String unitPath, String name, String kind, String contact) {
    }

    public record CommitmentRow(long id, long partnerId, String kind, String description, long quantity,
                                LocalDate startsOn, LocalDate endsOn, Long budgetLineId, String supportsKind,
                                Long supportsId) {
    }

    public record DeliveryRow(long id, long commitmentId, LocalDate deliveredOn, long quantity, String documentRef) {
    }

    private static final String PARTNER = "SELECT id, unit_id, unit_path, name, kind, contact FROM partner";
    private static final String COMMITMENT = "SELECT id, partner_id, kind, description, quantity, starts_on, ends_on,"
            + " budget_line_id, supports_kind, supports_id FROM partner_commitment";

    private static PartnerRow partner(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PartnerRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6));
    }

    private static CommitmentRow commitment(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CommitmentRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getObject(8, Long.class),
                rs.getString(9), rs.getObject(10, Long.class));
    }

    public Optional<PartnerRow> partner(long id) {
        return jdbc.sql(PARTNER + " WHERE id = ?").param(id).query((rs, n) -> partner(rs)).optional();
    }

    public List<PartnerRow> partnersWithin(String path) {
        return jdbc.sql(PARTNER + " WHERE unit_path LIKE ? ORDER BY name, id").param(path + "%")
                .query((rs, n) -> partner(rs)).list();
    }

    public Optional<PartnerRow> byName(long unitId, String name) {
        return jdbc.sql(PARTNER + " WHERE unit_id = ? AND name = ?").params(unitId, name).query((rs, n) -> partner(rs))
                .optional();
    }

    public long insertPartner(long unitId, String unitPath, String name, String kind, String contact, String by,
                              Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO partner (unit_id, unit_path, name, kind, contact, created_by, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(unitId, unitPath, name, kind, contact, by, Timestamp.from(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<CommitmentRow> commitment(long id) {
        return jdbc.sql(COMMITMENT + " WHERE id = ?").param(id).query((rs, n) -> commitment(rs)).optional();
    }

    public List<CommitmentRow> commitments(long partnerId) {
        return jdbc.sql(COMMITMENT + " WHERE partner_id = ? ORDER BY starts_on, id").param(partnerId)
                .query((rs, n) -> commitment(rs)).list();
    }

    public List<CommitmentRow> commitmentsOfLine(long lineId) {
        return jdbc.sql(COMMITMENT + " WHERE budget_line_id = ? ORDER BY id").param(lineId)
                .query((rs, n) -> commitment(rs)).list();
    }

    public long insertCommitment(long partnerId, String kind, String description, long quantity, LocalDate startsOn,
                                 LocalDate endsOn, Long budgetLineId, String supportsKind, Long supportsId, String by,
                                 Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO partner_commitment (partner_id, kind, description, quantity, starts_on, ends_on,"
                        + " budget_line_id, supports_kind, supports_id, created_by, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(partnerId, kind, description, quantity, Date.valueOf(startsOn), Date.valueOf(endsOn), budgetLineId,
                        supportsKind, supportsId, by, Timestamp.from(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<DeliveryRow> deliveries(long commitmentId) {
        return jdbc.sql("SELECT id, commitment_id, delivered_on, quantity, document_ref FROM partner_delivery"
                        + " WHERE commitment_id = ? ORDER BY delivered_on, id").param(commitmentId)
                .query((rs, n) -> new DeliveryRow(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                        rs.getLong(4), rs.getString(5))).list();
    }

    public void insertDelivery(long commitmentId, LocalDate on, long quantity, String documentRef, String by, Instant at) {
        jdbc.sql("INSERT INTO partner_delivery (commitment_id, delivered_on, quantity, document_ref, recorded_by,"
                        + " recorded_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(commitmentId, Date.valueOf(on), quantity, documentRef, by, Timestamp.from(at)).update();
    }
}
