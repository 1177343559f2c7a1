package vn.binhdan.community.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.binhdan.community.Team;
import vn.binhdan.community.TeamForm;
import vn.binhdan.community.TeamMember;

@Repository
public class TeamRepository {

    private static final String SELECT = """
            SELECT t.id, t.unit_id, u.name, u.path, t.name, t.kind, t.phone, t.email,
                   (SELECT COUNT(*) FROM community_team_member m WHERE m.team_id = t.id),
                   (SELECT MIN(p.full_name) FROM community_team_member m JOIN person p ON p.id = m.person_id
                    WHERE m.team_id = t.id AND m.leader)
            FROM community_team t JOIN unit u ON u.id = t.unit_id""";

    private final JdbcClient jdbc;
    /** unit → its only team (or none): read on every guidance entry, changed only when teams change. */
    private final Map<Long, Optional<Long>> soleTeam = new ConcurrentHashMap<>();

    TeamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(TeamForm f, long unitId, String by, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO community_team (unit_id, name, kind, phone, email, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(unitId, f.name(), f.kind().name(), f.phone(), f.email(), by, Timestamp.from(at))
                .update(keys, "id");
        soleTeam.remove(unitId);
        return ((Number) keys.getKeys().get("id")).longValue();
    }

    public void update(long id, TeamForm f) {
        jdbc.sql("UPDATE community_team SET name = ?, kind = ?, phone = ?, email = ? WHERE id = ?")
                .params(f.name(), f.kind().name(), f.phone(), f.email(), id).update();
    }

    public Optional<Team> find(long id) {
        return jdbc.sql(SELECT + " WHERE t.id = ?").param(id).query(TeamRepository::team).optional();
    }

    public List<Team> within(String path) {
        return jdbc.sql(SELECT + " WHERE u.path LIKE ? ORDER BY u.path, t.name").param(path + "%")
                .query(TeamRepository::team).list();
    }

    public Optional<String> unitPath(long teamId) {
        return jdbc.sql("SELECT u.path FROM community_team t JOIN unit u ON u.id = t.unit_id WHERE t.id = ?")
                .param(teamId).query(String.class).optional();
    }

    public Optional<Long> soleTeamAt(long unitId) {
        return soleTeam.computeIfAbsent(unitId, u -> {
            List<Long> ids = jdbc.sql("SELECT id FROM community_team WHERE unit_id = ? ORDER BY id LIMIT 2")
                    .param(u).query(Long.class).list();
            return ids.size() == 1 ? Optional.of(ids.getFirst()) : Optional.empty();
        });
    }

    public List<TeamMember> members(long teamId) {
        return jdbc.sql("""
                SELECT m.person_id, p.full_name, m.leader, m.phone, m.joined_on FROM community_team_member m
                JOIN person p ON p.id = m.person_id WHERE m.team_id = ? ORDER BY m.leader DESC, p.name_folded""")
                .param(teamId)
                .query((rs, i) -> new TeamMember(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                        rs.getDate(5).toLocalDate()))
                .list();
    }

    /** True when the person was added; false when already a member (then only the details change). */
    public boolean upsertMember(long teamId, long personId, boolean leader, String phone, LocalDate on) {
        if (leader) {
            jdbc.sql("UPDATE community_team_member SET leader = FALSE WHERE team_id = ?").param(teamId).update();
        }
        int n = jdbc.sql("UPDATE community_team_member SET leader = ?, phone = ? WHERE team_id = ? AND person_id = ?")
                .params(leader, phone, teamId, personId).update();
        if (n == 1) {
            return false;
        }
        jdbc.sql("INSERT INTO community_team_member (team_id, person_id, leader, phone, joined_on) VALUES (?, ?, ?, ?, ?)")
                .params(teamId, personId, leader, phone, Date.valueOf(on)).update();
        return true;
    }

    public boolean removeMember(long teamId, long personId) {
        return jdbc.sql("DELETE FROM community_team_member WHERE team_id = ? AND person_id = ?")
                .params(teamId, personId).update() == 1;
    }

    private static Team team(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Team(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Team.Kind.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getInt(9), rs.getString(10));
    }
}
