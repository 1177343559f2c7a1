package vn.binhdan.monitoring.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RollupRepository {

    public record Source(String sourceId, String countedPath, Instant since) {
    }

    public record Delta(long id, String metric, String unitPath, String group, LocalDate day, int delta) {
    }

    /** A value of one metric in one unit for one group; {@code month} null for the running total. */
    public record Cell(String metric, long unitId, String group, LocalDate month) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public RollupRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** True the first time an event id is seen. */
    public boolean firstSight(String eventId, Instant at) {
        return jdbc.sql("INSERT INTO mon_event (event_id, received_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(eventId, Timestamp.from(at)).update() == 1;
    }

    public List<Source> certifiedSources(long personId, String group) {
        return jdbc.sql("""
                SELECT source_id, counted_path, since FROM mon_certified
                WHERE person_id = ? AND target_group = ? FOR UPDATE""")
                .params(personId, group)
                .query((rs, i) -> new Source(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant())).list();
    }

    public boolean addCertified(long personId, String group, Source s) {
        return jdbc.sql("""
                INSERT INTO mon_certified (person_id, target_group, source_id, counted_path, since)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(personId, group, s.sourceId(), s.countedPath(), Timestamp.from(s.since())).update() == 1;
    }

    public boolean removeCertified(long personId, String group, String sourceId) {
        return jdbc.sql("DELETE FROM mon_certified WHERE person_id = ? AND target_group = ? AND source_id = ?")
                .params(personId, group, sourceId).update() == 1;
    }

    public void addDelta(String metric, String unitPath, String group, LocalDate day, int delta, Instant at) {
        jdbc.sql("""
                INSERT INTO mon_delta (metric, unit_path, target_group, on_day, delta, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(metric, unitPath, group, Date.valueOf(day), delta, Timestamp.from(at)).update();
    }

    public void addDeltas(List<Delta> deltas, Instant at) {
        if (deltas.size() == 1) {
            Delta d = deltas.get(0);
            addDelta(d.metric(), d.unitPath(), d.group(), d.day(), d.delta(), at);
            return;
        }
        Timestamp ts = Timestamp.from(at);
        template.batchUpdate("""
                INSERT INTO mon_delta (metric, unit_path, target_group, on_day, delta, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""", deltas.stream().map(d -> new Object[]{d.metric(), d.unitPath(), d.group(),
                Date.valueOf(d.day()), d.delta(), ts}).toList());
    }

    /** The oldest waiting changes, locked so that a second instance draining at once skips them. */
    public List<Delta> claimDeltas(int limit, boolean skipLocked) {
        return jdbc.sql("SELECT id, metric, unit_path, target_group, on_day, delta FROM mon_delta ORDER BY id LIMIT ? FOR UPDATE"
                        + (skipLocked ? " SKIP LOCKED" : ""))
                .param(limit)
                .query((rs, i) -> new Delta(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getDate(5).toLocalDate(), rs.getInt(6)))
                .list();
    }

    public void deleteDeltas(List<Long> ids) {
        for (int from = 0; from < ids.size(); from += 1000) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            jdbc.sql("DELETE FROM mon_delta WHERE id IN (:ids)").param("ids", chunk).update();
        }
    }

    public long waiting() {
        return jdbc.sql("SELECT COUNT(*) FROM mon_delta").query(Long.class).single();
    }

    /** Adds the sums to the stored values, creating the rows that do not exist yet. */
    public void add(Map<Cell, Long> sums) {
        List<Object[]> totals = new ArrayList<>();
        List<Object[]> monthly = new ArrayList<>();
        List<Cell> totalCells = new ArrayList<>();
        List<Cell> monthCells = new ArrayList<>();
        sums.forEach((c, v) -> {
            if (v == 0) {
                return;
            }
            if (c.month() == null) {
                totals.add(new Object[]{v, c.unitId(), c.metric(), c.group()});
                totalCells.add(c);
            } else {
                monthly.add(new Object[]{v, c.unitId(), c.metric(), c.group(), Date.valueOf(c.month())});
                monthCells.add(c);
            }
        });
        int[] t = template.batchUpdate(
                "UPDATE mon_total SET amount = amount + ? WHERE unit_id = ? AND metric = ? AND target_group = ?", totals);
        List<Object[]> newTotals = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            if (t[i] == 0) {
                Cell c = totalCells.get(i);
                newTotals.add(new Object[]{c.metric(), c.unitId(), c.group(), totals.get(i)[0]});
            }
        }
        template.batchUpdate("INSERT INTO mon_total (metric, unit_id, target_group, amount) VALUES (?, ?, ?, ?)", newTotals);
        int[] m = template.batchUpdate("""
                UPDATE mon_monthly SET amount = amount + ?
                WHERE unit_id = ? AND metric = ? AND target_group = ? AND month_start = ?""", monthly);
        List<Object[]> newMonths = new ArrayList<>();
        for (int i = 0; i < m.length; i++) {
            if (m[i] == 0) {
                Cell c = monthCells.get(i);
                newMonths.add(new Object[]{c.metric(), c.unitId(), c.group(), Date.valueOf(c.month()), monthly.get(i)[0]});
            }
        }
        template.batchUpdate("INSERT INTO mon_monthly (metric, unit_id, target_group, month_start, amount) VALUES (?, ?, ?, ?, ?)",
                newMonths);
    }

    public Map<Long, Map<String, Long>> totals(String metric, Collection<Long> unitIds) {
        Map<Long, Map<String, Long>> out = new HashMap<>();
        if (unitIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT unit_id, target_group, amount FROM mon_total WHERE metric = :m AND unit_id IN (:ids)")
                .param("m", metric).param("ids", unitIds)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
                });
        return out;
    }

    /** Monthly changes of one unit: group → month → change, oldest first. */
    public Map<String, Map<LocalDate, Long>> monthly(String metric, long unitId) {
        Map<String, Map<LocalDate, Long>> out = new HashMap<>();
        jdbc.sql("""
                SELECT target_group, month_start, amount FROM mon_monthly WHERE unit_id = ? AND metric = ?
                ORDER BY month_start""")
                .params(unitId, metric)
                .query(rs -> {
                    out.computeIfAbsent(rs.getString(1), k -> new java.util.TreeMap<>())
                            .put(rs.getDate(2).toLocalDate(), rs.getLong(3));
                });
        return out;
    }

    public Map<Long, Map<String, Long>> population(Collection<Long> unitIds) {
        Map<Long, Map<String, Long>> out = new HashMap<>();
        if (unitIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT unit_id, target_group, counted FROM mon_population WHERE unit_id IN (:ids)")
                .param("ids", unitIds)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
                });
        return out;
    }

    public boolean populationEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM mon_population LIMIT 1) x").query(Long.class).single() == 0;
    }

    public void replacePopulation(Map<Long, Map<String, Long>> counts) {
        jdbc.sql("DELETE FROM mon_population").update();
        List<Object[]> rows = new ArrayList<>();
        counts.forEach((unit, byGroup) -> byGroup.forEach((g, n) -> rows.add(new Object[]{unit, g, n})));
        template.batchUpdate("INSERT INTO mon_population (unit_id, target_group, counted) VALUES (?, ?, ?)", rows);
    }

    public void forEachStored(String metric, boolean monthlyValues, Consumer<Map.Entry<Cell, Long>> sink) {
        String sql = monthlyValues
                ? "SELECT unit_id, target_group, month_start, amount FROM mon_monthly WHERE metric = ?"
                : "SELECT unit_id, target_group, NULL, amount FROM mon_total WHERE metric = ?";
        jdbc.sql(sql).param(metric).query(rs -> {
            Date month = rs.getDate(3);
            sink.accept(Map.entry(new Cell(metric, rs.getLong(1), rs.getString(2), month == null ? null : month.toLocalDate()),
                    rs.getLong(4)));
        });
    }

    /** Replaces one metric's live values and certified sources with recomputed ones. */
    public void replace(String metric, Map<Cell, Long> values) {
        jdbc.sql("DELETE FROM mon_total WHERE metric = ?").param(metric).update();
        jdbc.sql("DELETE FROM mon_monthly WHERE metric = ?").param(metric).update();
        jdbc.sql("DELETE FROM mon_delta WHERE metric = ?").param(metric).update();
        // plain inserts: an update-first pass against the rows just deleted makes PostgreSQL scan
        // dead tuples for each of them (stats still say the table is empty), quadratic in the rows
        List<Object[]> totals = new ArrayList<>();
        List<Object[]> monthly = new ArrayList<>();
        values.forEach((c, v) -> {
            if (v == 0) {
                return;
            }
            if (c.month() == null) {
                totals.add(new Object[]{c.metric(), c.unitId(), c.group(), v});
            } else {
                monthly.add(new Object[]{c.metric(), c.unitId(), c.group(), Date.valueOf(c.month()), v});
            }
        });
        template.batchUpdate("INSERT INTO mon_total (metric, unit_id, target_group, amount) VALUES (?, ?, ?, ?)", totals);
        template.batchUpdate("INSERT INTO mon_monthly (metric, unit_id, target_group, month_start, amount) VALUES (?, ?, ?, ?, ?)",
                monthly);
    }

    public static final int BATCH = 5000;

    public void clearCertified() {
        jdbc.sql("DELETE FROM mon_certified").update();
    }

    public void insertCertified(List<vn.binhdan.certification.CertifiedSource> sources) {
        template.batchUpdate("""
                INSERT INTO mon_certified (person_id, target_group, source_id, counted_path, since)
                VALUES (?, ?, ?, ?, ?)""", sources.stream().map(s -> new Object[]{s.personId(), s.group().name(),
                s.sourceId(), s.countedPath(), Timestamp.from(s.since())}).toList());
    }

    public void saveCheck(Instant started, Instant finished, String by, long compared, int differences, String detail) {
        jdbc.sql("""
                INSERT INTO mon_check (started_at, finished_at, trigger_by, compared, differences, detail)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(started), Timestamp.from(finished), by, compared, differences, detail).update();
    }

    public boolean certifiedEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM mon_certified LIMIT 1) x").query(Long.class).single() == 0;
    }

    public record CertifiedRow(long personId, String group, String sourceId, String countedPath, Instant since) {
    }

    /** The people behind a unit's certified count: the earliest standing source of each, newest first. */
    public List<CertifiedRow> certifiedIn(String unitPath, String group, int offset, int limit) {
        return jdbc.sql("""
                SELECT c.person_id, c.target_group, c.source_id, c.counted_path, c.since FROM mon_certified c
                WHERE c.counted_path LIKE ? AND c.target_group = ?
                  AND NOT EXISTS (SELECT 1 FROM mon_certified e WHERE e.person_id = c.person_id
                                  AND e.target_group = c.target_group
                                  AND (e.since < c.since OR (e.since = c.since AND e.source_id < c.source_id)))
                ORDER BY c.since DESC, c.person_id LIMIT ? OFFSET ?""")
                .params(unitPath + "%", group, limit, offset)
                .query((rs, i) -> new CertifiedRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    public long lastCheckId() {
        return jdbc.sql("SELECT MAX(id) FROM mon_check").query(Long.class).single();
    }

    /** unit → group → sum of the monthly changes from the month of {@code from} to that of {@code to}. */
    public Map<Long, Map<String, Long>> sumMonthly(String metric, Collection<Long> unitIds, LocalDate from, LocalDate to) {
        Map<Long, Map<String, Long>> out = new HashMap<>();
        if (unitIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                SELECT unit_id, target_group, SUM(amount) FROM mon_monthly
                WHERE metric = :m AND unit_id IN (:ids) AND month_start >= :from AND month_start <= :to
                GROUP BY unit_id, target_group""")
                .param("m", metric).param("ids", unitIds).param("from", Date.valueOf(from.withDayOfMonth(1)))
                .param("to", Date.valueOf(to.withDayOfMonth(1)))
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
                });
        return out;
    }

    /**
     * unit → month → sum over the given groups (record kinds, or ALL) of one metric, for the months
     * of {@code from} to {@code to}: one grouped read whatever the number of units.
     */
    public Map<Long, Map<LocalDate, Long>> monthlyByUnit(String metric, Collection<String> groups, List<Long> unitIds,
                                                        LocalDate from, LocalDate to) {
        Map<Long, Map<LocalDate, Long>> out = new HashMap<>();
        for (int i = 0; i < unitIds.size(); i += 1000) {
            List<Long> chunk = unitIds.subList(i, Math.min(unitIds.size(), i + 1000));
            jdbc.sql("""
                    SELECT unit_id, month_start, SUM(amount) FROM mon_monthly
                    WHERE metric = :m AND target_group IN (:groups) AND unit_id IN (:ids)
                      AND month_start >= :from AND month_start <= :to
                    GROUP BY unit_id, month_start""")
                    .param("m", metric).param("groups", groups).param("ids", chunk)
                    .param("from", Date.valueOf(from.withDayOfMonth(1))).param("to", Date.valueOf(to.withDayOfMonth(1)))
                    .query(rs -> {
                        out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getDate(2).toLocalDate(), rs.getLong(3));
                    });
        }
        return out;
    }

    public boolean rebuildPending() {
        return jdbc.sql("SELECT COUNT(*) FROM mon_pending_rebuild").query(Long.class).single() > 0;
    }

    public void rebuildDone() {
        jdbc.sql("DELETE FROM mon_pending_rebuild").update();
    }
}
