package vn.binhdan.community.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.binhdan.community.CommunityEvent.Count;
import vn.binhdan.community.GuidanceActivity;
import vn.binhdan.community.GuidanceOutcome;
import vn.binhdan.community.GuidancePlace;
import vn.binhdan.community.GuidanceSession;
import vn.binhdan.community.GuidanceTopic;
import vn.binhdan.community.Tally;

@Repository
public class GuidanceRepository implements TallySource {

    /** A session ready to be written: validated, people resolved. */
    public record NewSession(String clientId, long unitId, String unitPath, Long teamId, LocalDate givenOn,
                             GuidancePlace place, int minutes, GuidanceOutcome outcome, List<String> topics, String note,
                             List<GuidanceSession.Person> people, String recordedBy, Instant recordedAt) {
    }

    /** What a withdrawal needs to take back. */
    public record Stored(long id, String unitPath, LocalDate givenOn, int people, String recordedBy, boolean withdrawn) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    GuidanceRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public List<GuidanceTopic> topics() {
        return jdbc.sql("SELECT code, name_vi, name_en, sort_order, active FROM guidance_topic ORDER BY sort_order, code")
                .query((rs, i) -> new GuidanceTopic(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getBoolean(5)))
                .list();
    }

    public void saveTopic(GuidanceTopic t) {
        int n = jdbc.sql("UPDATE guidance_topic SET name_vi = ?, name_en = ?, sort_order = ?, active = ? WHERE code = ?")
                .params(t.nameVi(), t.nameEn(), t.sortOrder(), t.active(), t.code()).update();
        if (n == 0) {
            jdbc.sql("INSERT INTO guidance_topic (code, name_vi, name_en, sort_order, active) VALUES (?, ?, ?, ?, ?)")
                    .params(t.code(), t.nameVi(), t.nameEn(), t.sortOrder(), t.active()).update();
        }
    }

    /** Sessions already recorded under these client ids (withdrawn ones too: they must not come back). */
    public Map<String, Long> existing(Collection<String> clientIds) {
        Map<String, Long> out = new HashMap<>();
        List<String> all = new ArrayList<>(clientIds);
        for (int from = 0; from < all.size(); from += 1000) {
            jdbc.sql("SELECT client_id, id FROM guidance_session WHERE client_id IN (:ids)")
                    .param("ids", all.subList(from, Math.min(all.size(), from + 1000)))
                    .query(rs -> {
                        out.put(rs.getString(1), rs.getLong(2));
                    });
        }
        return out;
    }

    /** The new session's id, or empty when its client id was recorded meanwhile (a parallel sync). */
    public Optional<Long> insert(NewSession s) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        int n = jdbc.sql("""
                INSERT INTO guidance_session (client_id, unit_id, unit_path, team_id, given_on, place, minutes, outcome,
                                              topics, note, people, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(s.clientId(), s.unitId(), s.unitPath(), s.teamId(), Date.valueOf(s.givenOn()), s.place().name(),
                        s.minutes(), s.outcome().name(), String.join(",", s.topics()), s.note(), s.people().size(),
                        s.recordedBy(), Timestamp.from(s.recordedAt()))
                .update(keys, "id");
        if (n == 0) {
            return Optional.empty();
        }
        return Optional.of(keys.getKeyAs(Long.class) != null ? keys.getKeyAs(Long.class)
                : ((Number) keys.getKeys().get("id")).longValue());
    }

    public void insertPeople(List<Object[]> rows) {
        template.batchUpdate("""
                INSERT INTO guidance_person (session_id, position, person_id, full_name, birth_year, visitor)
                VALUES (?, ?, ?, ?, ?, ?)""", rows);
    }

    public static Object[] personRow(long sessionId, int position, GuidanceSession.Person p) {
        return new Object[]{sessionId, position, p.personId(), p.fullName(), p.birthYear(), p.visitor()};
    }

    public Optional<Stored> find(long id) {
        return jdbc.sql("SELECT id, unit_path, given_on, people, recorded_by, deleted_at FROM guidance_session WHERE id = ?")
                .param(id)
                .query((rs, i) -> new Stored(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getInt(4),
                        rs.getString(5), rs.getTimestamp(6) != null))
                .optional();
    }

    /** True when this call withdrew it (a second withdrawal changes nothing). */
    public boolean withdraw(long id, String by, Instant at) {
        return jdbc.sql("UPDATE guidance_session SET deleted_at = ?, deleted_by = ? WHERE id = ? AND deleted_at IS NULL")
                .params(Timestamp.from(at), by, id).update() == 1;
    }

    /** Sessions under the paths in a date range, newest first, with their people. */
    public List<GuidanceSession> list(String withinPath, Long teamId, String recordedBy, LocalDate from, LocalDate to,
                                      int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT s.id, s.unit_id, u.name, s.team_id, s.given_on, s.place, s.minutes, s.outcome, s.topics, s.note,
                       s.recorded_by, s.recorded_at
                FROM guidance_session s JOIN unit u ON u.id = s.unit_id
                WHERE s.deleted_at IS NULL AND s.unit_path LIKE :path AND s.given_on BETWEEN :from AND :to""");
        Map<String, Object> params = new HashMap<>();
        params.put("path", withinPath + "%");
        params.put("from", Date.valueOf(from));
        params.put("to", Date.valueOf(to));
        if (teamId != null) {
            sql.append(" AND s.team_id = :team");
            params.put("team", teamId);
        }
        if (recordedBy != null) {
            sql.append(" AND s.recorded_by = :by");
            params.put("by", recordedBy);
        }
        sql.append(" ORDER BY s.given_on DESC, s.id DESC LIMIT ").append(limit);
        Map<Long, GuidanceSession> sessions = new LinkedHashMap<>();
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            long id = rs.getLong(1);
            long team = rs.getLong(4);
            sessions.put(id, new GuidanceSession(id, rs.getLong(2), rs.getString(3), rs.wasNull() ? null : team,
                    rs.getDate(5).toLocalDate(), GuidancePlace.valueOf(rs.getString(6)), rs.getInt(7),
                    GuidanceOutcome.valueOf(rs.getString(8)), Arrays.asList(rs.getString(9).split(",")), rs.getString(10),
                    new ArrayList<>(), rs.getString(11), rs.getTimestamp(12).toInstant()));
        });
        if (!sessions.isEmpty()) {
            jdbc.sql("""
                    SELECT session_id, person_id, full_name, birth_year, visitor FROM guidance_person
                    WHERE session_id IN (:ids) ORDER BY session_id, position""")
                    .param("ids", sessions.keySet())
                    .query(rs -> {
                        long person = rs.getLong(2);
                        Long personId = rs.wasNull() ? null : person;
                        int year = rs.getInt(4);
                        Integer birthYear = rs.wasNull() ? null : year;
                        sessions.get(rs.getLong(1)).people()
                                .add(new GuidanceSession.Person(personId, rs.getString(3), birthYear, rs.getBoolean(5)));
                    });
        }
        return List.copyOf(sessions.values());
    }

    public GuidanceActivity activity(String withinPath, Long teamId, LocalDate from, LocalDate to) {
        long[] sums = new long[4];
        Map<String, Long> byTopic = new HashMap<>();
        jdbc.sql("SELECT people, minutes, outcome, topics FROM guidance_session WHERE deleted_at IS NULL"
                        + " AND unit_path LIKE ? AND given_on BETWEEN ? AND ?" + (teamId != null ? " AND team_id = ?" : ""))
                .params(teamId != null
                        ? List.of(withinPath + "%", Date.valueOf(from), Date.valueOf(to), teamId)
                        : List.of(withinPath + "%", Date.valueOf(from), Date.valueOf(to)))
                .query(rs -> {
                    sums[0]++;
                    sums[1] += rs.getInt(1);
                    sums[2] += rs.getInt(2);
                    if (GuidanceOutcome.FOLLOW_UP.name().equals(rs.getString(3))) {
                        sums[3]++;
                    }
                    for (String t : rs.getString(4).split(",")) {
                        byTopic.merge(t, 1L, Long::sum);
                    }
                });
        return new GuidanceActivity(sums[0], sums[1], sums[2], sums[3], byTopic);
    }

    /** People helped who are not in the registry, once per name, birth year and unit, most helped first. */
    public List<vn.binhdan.community.UnregisteredPerson> unregistered(String withinPath, int limit) {
        return jdbc.sql("""
                SELECT gp.full_name, gp.birth_year, u.name, COUNT(*), MAX(s.given_on), MAX(CASE WHEN gp.visitor THEN 1 ELSE 0 END)
                FROM guidance_person gp JOIN guidance_session s ON s.id = gp.session_id JOIN unit u ON u.id = s.unit_id
                WHERE gp.person_id IS NULL AND s.deleted_at IS NULL AND s.unit_path LIKE ?
                GROUP BY gp.full_name, gp.birth_year, u.name
                ORDER BY COUNT(*) DESC, MAX(s.given_on) DESC LIMIT ?""")
                .params(withinPath + "%", limit)
                .query((rs, i) -> {
                    int year = rs.getInt(2);
                    Integer birthYear = rs.wasNull() ? null : year;
                    return new vn.binhdan.community.UnregisteredPerson(rs.getString(1), birthYear, rs.getString(3),
                            rs.getInt(4), rs.getDate(5).toLocalDate(), rs.getInt(6) == 1);
                })
                .list();
    }

    @Override
    public void forEachCount(Consumer<Count> sink) {
        jdbc.sql("SELECT unit_path, given_on, people FROM guidance_session WHERE deleted_at IS NULL").query(rs -> {
            String path = rs.getString(1);
            LocalDate day = rs.getDate(2).toLocalDate();
            sink.accept(new Count(Tally.GUIDANCE_SESSIONS, path, day, 1));
            sink.accept(new Count(Tally.PERSONS_GUIDED, path, day, rs.getInt(3)));
        });
    }
}
