package vn.binhdan.community.internal;

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
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import vn.binhdan.community.EvidenceFile;
import vn.binhdan.community.Nomination;
import vn.binhdan.community.NominationKind;
import vn.binhdan.community.NominationStatus;

@Repository
public class NominationRepository {

    /** {@code unitPath} is the nominated village or the nominee's residence today. */
    public record Row(long id, NominationKind kind, Long personId, String personName, long unitId, String unitName,
                      String unitPath, String evidenceText, String criteria, NominationStatus status, String createdBy,
                      String submittedBy, Instant submittedAt, String communeBy, String provinceBy, String countedPath,
                      LocalDate recognisedOn, String returnComment, LocalDate withdrawnOn) {

        public String nomineeName() {
            return kind == NominationKind.CITIZEN ? personName : unitName;
        }
    }

    private static final String SELECT = """
            SELECT n.id, n.kind, n.person_id, p.full_name, u.id, u.name, u.path, n.evidence_text, n.criteria, n.status,
                   n.created_by, n.submitted_by, n.submitted_at, n.commune_by, n.province_by, n.counted_path,
                   n.recognised_on, n.return_comment, n.withdrawn_on
            FROM nomination n LEFT JOIN person p ON p.id = n.person_id
            JOIN unit u ON u.id = COALESCE(p.residence_unit_id, n.unit_id)""";

    private final JdbcClient jdbc;

    public NominationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Row> find(long id) {
        return jdbc.sql(SELECT + " WHERE n.id = ?").param(id).query(NominationRepository::row).optional();
    }

    public List<Row> within(String unitPath) {
        return jdbc.sql(SELECT + " WHERE u.path LIKE ? ORDER BY n.id DESC").param(unitPath + "%")
                .query(NominationRepository::row).list();
    }

    public List<Row> published() {
        return jdbc.sql(SELECT + " WHERE n.status = 'PUBLISHED' ORDER BY n.recognised_on DESC, n.id DESC")
                .query(NominationRepository::row).list();
    }

    /** Unit names by path, for showing where a published recognition counts. */
    public String unitNameOfParent(long unitId) {
        return jdbc.sql("SELECT p.name FROM unit u JOIN unit p ON p.id = u.parent_id WHERE u.id = ?").param(unitId)
                .query(String.class).optional().orElse(null);
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        Timestamp submitted = rs.getTimestamp(13);
        Date recognised = rs.getDate(17);
        Date withdrawn = rs.getDate(19);
        return new Row(rs.getLong(1), NominationKind.valueOf(rs.getString(2)), rs.getObject(3, Long.class),
                rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                NominationStatus.valueOf(rs.getString(10)), rs.getString(11), rs.getString(12),
                submitted == null ? null : submitted.toInstant(), rs.getString(14), rs.getString(15), rs.getString(16),
                recognised == null ? null : recognised.toLocalDate(), rs.getString(18),
                withdrawn == null ? null : withdrawn.toLocalDate());
    }

    public long insert(NominationKind kind, Long personId, long unitId, String evidenceText, String criteria, String by,
                       Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO nomination (kind, person_id, unit_id, evidence_text, criteria, status, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, 'DRAFT', ?, ?)""")
                .params(kind.name(), personId, unitId, evidenceText, criteria, by, Timestamp.from(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public void update(long id, String evidenceText, String criteria) {
        jdbc.sql("UPDATE nomination SET evidence_text = ?, criteria = ? WHERE id = ?").params(evidenceText, criteria, id)
                .update();
    }

    /** The state changes below only happen from the expected state: a second approval finds nothing to change. */
    public boolean submit(long id, String by, Instant at) {
        return jdbc.sql("""
                UPDATE nomination SET status = 'SUBMITTED', submitted_by = ?, submitted_at = ?
                WHERE id = ? AND status IN ('DRAFT', 'RETURNED')""")
                .params(by, Timestamp.from(at), id).update() == 1;
    }

    public boolean approveCommune(long id, String by, Instant at) {
        return jdbc.sql("""
                UPDATE nomination SET status = 'COMMUNE_APPROVED', commune_by = ?, commune_at = ?, return_comment = NULL
                WHERE id = ? AND status = 'SUBMITTED'""")
                .params(by, Timestamp.from(at), id).update() == 1;
    }

    public boolean publish(long id, String by, Instant at, String countedPath, LocalDate on) {
        return jdbc.sql("""
                UPDATE nomination SET status = 'PUBLISHED', province_by = ?, province_at = ?, counted_path = ?,
                       recognised_on = ?, return_comment = NULL
                WHERE id = ? AND status = 'COMMUNE_APPROVED'""")
                .params(by, Timestamp.from(at), countedPath, Date.valueOf(on), id).update() == 1;
    }

    public boolean returnTo(long id, NominationStatus from, String comment) {
        return jdbc.sql("UPDATE nomination SET status = 'RETURNED', return_comment = ? WHERE id = ? AND status = ?")
                .params(comment, id, from.name()).update() == 1;
    }

    public boolean withdraw(long id, String by, LocalDate on, String reason) {
        return jdbc.sql("""
                UPDATE nomination SET status = 'WITHDRAWN', withdrawn_by = ?, withdrawn_on = ?, withdraw_reason = ?
                WHERE id = ? AND status = 'PUBLISHED'""")
                .params(by, Date.valueOf(on), reason, id).update() == 1;
    }

    public void history(long id, String action, String actor, Instant at, String comment) {
        jdbc.sql("INSERT INTO nomination_history (nomination_id, action, actor, acted_at, comment) VALUES (?, ?, ?, ?, ?)")
                .params(id, action, actor, Timestamp.from(at), comment).update();
    }

    public List<Nomination.HistoryEntry> history(long id) {
        return jdbc.sql("SELECT action, actor, acted_at, comment FROM nomination_history WHERE nomination_id = ? ORDER BY id")
                .param(id)
                .query((rs, i) -> new Nomination.HistoryEntry(rs.getString(1), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), rs.getString(4)))
                .list();
    }

    public long addLink(long id, String url, String by, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO nomination_evidence (nomination_id, url, added_by, added_at) VALUES (?, ?, ?, ?)")
                .params(id, url, by, Timestamp.from(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public long addFile(long id, String fileName, String mediaType, byte[] content, String by, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO nomination_evidence (nomination_id, file_name, media_type, size_bytes, content, added_by, added_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, fileName, mediaType, content.length, content, by, Timestamp.from(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<Nomination.Evidence> evidence(long id) {
        return jdbc.sql("""
                SELECT id, url, file_name, media_type, size_bytes, added_by, added_at FROM nomination_evidence
                WHERE nomination_id = ? ORDER BY id""")
                .param(id)
                .query((rs, i) -> new Nomination.Evidence(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, Integer.class), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list();
    }

    public Optional<EvidenceFile> file(long id, long evidenceId) {
        return jdbc.sql("""
                SELECT file_name, media_type, content FROM nomination_evidence
                WHERE nomination_id = ? AND id = ? AND content IS NOT NULL""")
                .params(id, evidenceId)
                .query((rs, i) -> new EvidenceFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional();
    }

    /** What the recognitions count, from the rows: +1 on the approval day, -1 on the withdrawal day. */
    public void forEachRecognition(RecognitionSink sink) {
        jdbc.sql("SELECT kind, counted_path, recognised_on, withdrawn_on FROM nomination WHERE recognised_on IS NOT NULL")
                .query(rs -> {
                    Date withdrawn = rs.getDate(4);
                    sink.accept(NominationKind.valueOf(rs.getString(1)), rs.getString(2), rs.getDate(3).toLocalDate(),
                            withdrawn == null ? null : withdrawn.toLocalDate());
                });
    }

    public interface RecognitionSink {
        void accept(NominationKind kind, String countedPath, LocalDate recognisedOn, LocalDate withdrawnOn);
    }

}
