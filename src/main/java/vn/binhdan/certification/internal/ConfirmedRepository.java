package vn.binhdan.certification.internal;

import java.util.function.BiConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** People of a group whose completion the national side knows of, per counted unit path. */
@Repository
public class ConfirmedRepository {

    private final JdbcClient jdbc;

    public ConfirmedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Per unit path: persons with a standing certificate whose confirmation the national endpoint
     * acknowledged (SENT), or whose confirmation elsewhere was declared; each person once per path.
     */
    public void confirmed(String rootPath, String group, BiConsumer<String, Long> sink) {
        jdbc.sql("""
                SELECT path, COUNT(DISTINCT person_id) FROM (
                    SELECT c.counted_path AS path, c.person_id FROM confirmation_outbox o
                    JOIN certificate c ON c.id = o.certificate_id
                    WHERE o.status = 'SENT' AND c.revoked_at IS NULL AND c.target_group = :g AND c.counted_path LIKE :root
                    UNION
                    SELECT d.counted_path AS path, d.person_id FROM declared_certification d
                    WHERE d.target_group = :g AND d.counted_path LIKE :root) x
                GROUP BY path""")
                .param("g", group).param("root", rootPath + "%")
                .query(rs -> {
                    sink.accept(rs.getString(1), rs.getLong(2));
                });
    }
}
