package vn.binhdan.certification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.binhdan.people.TargetGroup;

@Repository
public class CertificateRepository {

    private final JdbcClient jdbc;

    public CertificateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(String id, String number, String issuerCode, int statusIndex, long personId,
                      TargetGroup targetGroup, String unitPath, String attemptId, String frameworkVersion,
                      Integer scorePercent, Instant issuedAt, String credential, Instant revokedAt, String revokedBy,
                      String revocationReason) {
    }

    public void insert(Row r, String countedPath) {
        jdbc.sql("""
                INSERT INTO certificate (id, number, issuer_code, status_index, person_id, target_group, unit_path,
                                         attempt_id, framework_version, score_percent, issued_at, credential, counted_path)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.number(), r.issuerCode(), r.statusIndex(), r.personId(), r.targetGroup().name(),
                        r.unitPath(), r.attemptId(), r.frameworkVersion(), r.scorePercent(),
                        Timestamp.from(r.issuedAt()), r.credential(), countedPath)
                .update();
    }

    public String countedPath(String id) {
        return jdbc.sql("SELECT counted_path FROM certificate WHERE id = ?").param(id).query(String.class).single();
    }

    public Optional<Row> find(String id) {
        return jdbc.sql("SELECT * FROM certificate WHERE id = ?").param(id).query(CertificateRepository::map).optional();
    }

    public Optional<Row> byNumber(String number) {
        return jdbc.sql("SELECT * FROM certificate WHERE number = ?").param(number).query(CertificateRepository::map)
                .optional();
    }

    public Optional<Row> byAttempt(String attemptId) {
        return jdbc.sql("SELECT * FROM certificate WHERE attempt_id = ?").param(attemptId)
                .query(CertificateRepository::map).optional();
    }

    public List<Row> ofPerson(long personId) {
        return jdbc.sql("SELECT * FROM certificate WHERE person_id = ? ORDER BY issued_at DESC").param(personId)
                .query(CertificateRepository::map).list();
    }

    public boolean activeFor(long personId, TargetGroup group) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM certificate WHERE person_id = ? AND target_group = ? AND revoked_at IS NULL""")
                .params(personId, group.name()).query(Long.class).single() > 0;
    }

    /**
     * Standing certificates and declarations, grouped by person and group (ordered by them), so
     * a reader can keep one per person with constant memory.
     */
    public void forEachCertifiedSource(java.util.function.Consumer<vn.binhdan.certification.CertifiedSource> sink) {
        java.time.ZoneId vietnam = java.time.ZoneId.of("Asia/Ho_Chi_Minh");
        jdbc.sql("""
                SELECT person_id, target_group, id AS ref, counted_path, issued_at, NULL AS confirmed_on
                FROM certificate WHERE revoked_at IS NULL
                UNION ALL
                SELECT person_id, target_group, NULL, counted_path, NULL, confirmed_on FROM declared_certification
                ORDER BY 1, 2""")
                .query(rs -> {
                    long person = rs.getLong(1);
                    TargetGroup group = TargetGroup.valueOf(rs.getString(2));
                    String ref = rs.getString(3);
                    Instant since;
                    String source;
                    if (ref != null) {
                        source = vn.binhdan.certification.CertifiedSource.ofCertificate(ref);
                        since = rs.getTimestamp(5).toInstant();
                    } else {
                        source = vn.binhdan.certification.CertifiedSource.ofDeclaration(person, group);
                        since = rs.getDate(6).toLocalDate().atStartOfDay(vietnam).toInstant();
                    }
                    sink.accept(new vn.binhdan.certification.CertifiedSource(person, group, source, rs.getString(4), since));
                });
    }

    public java.util.Set<Long> certifiedAmong(java.util.Collection<Long> personIds) {
        java.util.Set<Long> out = new java.util.HashSet<>();
        // chunks keep the IN list within what both databases take comfortably
        List<Long> ids = List.copyOf(personIds);
        for (int i = 0; i < ids.size(); i += 1000) {
            out.addAll(jdbc.sql("""
                    SELECT person_id FROM certificate WHERE revoked_at IS NULL AND person_id IN (:ids)
                    UNION SELECT person_id FROM declared_certification WHERE person_id IN (:ids)""")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + 1000))).query(Long.class).list());
        }
        return out;
    }

    public boolean anyCertified() {
        return jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM certificate WHERE revoked_at IS NULL LIMIT 1) c)
                     + (SELECT COUNT(*) FROM (SELECT 1 FROM declared_certification LIMIT 1) d)""")
                .query(Long.class).single() > 0;
    }

    public boolean statusIndexTaken(String issuerCode, int index) {
        return jdbc.sql("SELECT COUNT(*) FROM certificate WHERE issuer_code = ? AND status_index = ?")
                .params(issuerCode, index).query(Long.class).single() > 0;
    }

    public List<Integer> revokedIndexes(String issuerCode) {
        return jdbc.sql("SELECT status_index FROM certificate WHERE issuer_code = ? AND revoked_at IS NOT NULL")
                .param(issuerCode).query(Integer.class).list();
    }

    /** True when this call revoked it; a certificate is revoked once. */
    public boolean revoke(String id, Instant at, String by, String reason) {
        return jdbc.sql("""
                UPDATE certificate SET revoked_at = ?, revoked_by = ?, revocation_reason = ?
                WHERE id = ? AND revoked_at IS NULL""")
                .params(Timestamp.from(at), by, reason, id).update() == 1;
    }

    private static Row map(ResultSet rs, int i) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new Row(rs.getString("id"), rs.getString("number"), rs.getString("issuer_code"),
                rs.getInt("status_index"), rs.getLong("person_id"), TargetGroup.valueOf(rs.getString("target_group")),
                rs.getString("unit_path"), rs.getString("attempt_id"), rs.getString("framework_version"),
                (Integer) rs.getObject("score_percent"), rs.getTimestamp("issued_at").toInstant(),
                rs.getString("credential"), revoked == null ? null : revoked.toInstant(), rs.getString("revoked_by"),
                rs.getString("revocation_reason"));
    }
}
