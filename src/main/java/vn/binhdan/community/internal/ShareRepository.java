package vn.binhdan.community.internal;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Households and market traders of a subtree counted per unit path, for the dashboards' shares. */
@Repository
public class ShareRepository {

    /** At one unit (not its subtree): how many in all, and how many count. */
    public record PathCount(String unitPath, long total, long counted) {
    }

    private final JdbcClient jdbc;

    public ShareRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Households per unit, and those with at least one member certified (a standing certificate or a declaration). */
    public void households(String rootPath, Consumer<PathCount> sink) {
        jdbc.sql("""
                SELECT u.path, COUNT(*),
                       SUM(CASE WHEN EXISTS (SELECT 1 FROM person p JOIN certificate c ON c.person_id = p.id
                                             WHERE p.household_id = h.id AND c.revoked_at IS NULL)
                                  OR EXISTS (SELECT 1 FROM person p JOIN declared_certification d ON d.person_id = p.id
                                             WHERE p.household_id = h.id)
                                THEN 1 ELSE 0 END)
                FROM household h JOIN unit u ON u.id = h.unit_id
                WHERE u.path LIKE ? GROUP BY u.path""")
                .param(rootPath + "%")
                .query(rs -> {
                    sink.accept(new PathCount(rs.getString(1), rs.getLong(2), rs.getLong(3)));
                });
    }

    /** Traders per market unit, and those meeting every criterion of the checklist. */
    public void traders(String rootPath, Collection<String> criteria, Consumer<PathCount> sink) {
        List<String> all = List.copyOf(criteria);
        jdbc.sql("""
                SELECT u.path, COUNT(*),
                       SUM(CASE WHEN (SELECT COUNT(DISTINCT c.criterion) FROM market_trader_criterion c
                                      WHERE c.trader_id = t.id AND c.criterion IN (:criteria)) = :n THEN 1 ELSE 0 END)
                FROM market_trader t JOIN market m ON m.id = t.market_id JOIN unit u ON u.id = m.unit_id
                WHERE u.path LIKE :root GROUP BY u.path""")
                .param("criteria", all.isEmpty() ? List.of("") : all).param("n", all.size()).param("root", rootPath + "%")
                .query(rs -> {
                    sink.accept(new PathCount(rs.getString(1), rs.getLong(2), rs.getLong(3)));
                });
    }
}
