package vn.binhdan.community.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.binhdan.shared.privacy.PersonalDataSection;
import vn.binhdan.shared.privacy.PersonalDataSource;

/** What the community teams recorded about a person: guidance received, classes attended, nominations. */
@Component
class CommunityPersonalData implements PersonalDataSource {

    private final JdbcClient jdbc;

    CommunityPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PersonalDataSection> about(long personId) {
        List<Map<String, Object>> guidance = jdbc.sql("""
                SELECT s.given_on, s.topics, s.minutes, u.name FROM guidance_person g
                JOIN guidance_session s ON s.id = g.session_id JOIN unit u ON u.id = s.unit_id
                WHERE g.person_id = ? AND s.deleted_at IS NULL ORDER BY s.given_on DESC""").param(personId)
                .query((rs, i) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("privacy.f.givenOn", rs.getDate(1).toLocalDate());
                    row.put("privacy.f.topics", rs.getString(2));
                    row.put("privacy.f.minutes", rs.getInt(3));
                    row.put("privacy.f.place", rs.getString(4));
                    return row;
                }).list();
        List<Map<String, Object>> classes = jdbc.sql("""
                SELECT c.title, s.session_date FROM class_attendance a JOIN class_session s ON s.id = a.session_id
                JOIN community_class c ON c.id = s.class_id WHERE a.person_id = ? ORDER BY s.session_date DESC""")
                .param(personId).query((rs, i) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("privacy.f.class", rs.getString(1));
                    row.put("privacy.f.sessionDate", rs.getDate(2).toLocalDate());
                    return row;
                }).list();
        List<Map<String, Object>> nominations = jdbc.sql("""
                SELECT n.status, n.created_at, n.recognised_on FROM nomination n
                WHERE n.person_id = ? AND n.kind = 'CITIZEN' ORDER BY n.created_at DESC""").param(personId)
                .query((rs, i) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("privacy.f.nominationStatus", "privacy.nomination." + rs.getString(1));
                    row.put("privacy.f.nominatedAt", rs.getTimestamp(2).toInstant());
                    row.put("privacy.f.recognisedOn", rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate());
                    return row;
                }).list();
        return List.of(new PersonalDataSection("guidance", 50, "privacy.section.guidance", guidance),
                new PersonalDataSection("classes", 51, "privacy.section.classes", classes),
                new PersonalDataSection("nominations", 52, "privacy.section.nominations", nominations));
    }
}
