package vn.binhdan.community.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class MarketRepository {

    public record MarketRow(long id, long unitId, String unitName, String unitPath, String name) {
    }

    public record TraderRow(long id, long marketId, String name, String stall, Long personId) {
    }

    private final JdbcClient jdbc;

    public MarketRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String MARKET = """
            SELECT m.id, m.unit_id, u.name, u.path, m.name FROM market m JOIN unit u ON u.id = m.unit_id""";

    public Optional<MarketRow> find(long id) {
        return jdbc.sql(MARKET + " WHERE m.id = ?").param(id).query(MarketRepository::market).optional();
    }

    public List<MarketRow> within(Collection<String> paths) {
        List<MarketRow> out = new ArrayList<>();
        for (String p : paths) {
            out.addAll(jdbc.sql(MARKET + " WHERE u.path LIKE ? ORDER BY u.name, m.name").param(p + "%")
                    .query(MarketRepository::market).list());
        }
        return out;
    }

    private static MarketRow market(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new MarketRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5));
    }

    public long insertMarket(long unitId, String name, String by, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO market (unit_id, name, created_by, created_at) VALUES (?, ?, ?, ?)")
                .params(unitId, name, by, Timestamp.from(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public long insertTrader(long marketId, String name, String stall, Long personId, String by, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO market_trader (market_id, name, stall, person_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(marketId, name, stall, personId, by, Timestamp.from(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<TraderRow> traders(Collection<Long> marketIds) {
        if (marketIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, market_id, name, stall, person_id FROM market_trader WHERE market_id IN (:ids) ORDER BY name, id")
                .param("ids", marketIds)
                .query((rs, i) -> new TraderRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        (Long) rs.getObject(5, Long.class)))
                .list();
    }

    public Map<Long, List<String>> criteria(Collection<Long> traderIds) {
        Map<Long, List<String>> out = new HashMap<>();
        if (traderIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT trader_id, criterion FROM market_trader_criterion WHERE trader_id IN (:ids)")
                .param("ids", traderIds)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return out;
    }

    public void replaceCriteria(long traderId, Collection<String> met, String by, Instant at) {
        jdbc.sql("DELETE FROM market_trader_criterion WHERE trader_id = ?").param(traderId).update();
        for (String c : met) {
            jdbc.sql("INSERT INTO market_trader_criterion (trader_id, criterion, checked_by, checked_at) VALUES (?, ?, ?, ?)")
                    .params(traderId, c, by, Timestamp.from(at)).update();
        }
    }
}
