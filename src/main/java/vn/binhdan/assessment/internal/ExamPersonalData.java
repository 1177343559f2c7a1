package vn.binhdan.assessment.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.binhdan.shared.privacy.PersonalDataSection;
import vn.binhdan.shared.privacy.PersonalDataSource;

/** A person's exam attempts with their scores — never the questions or the answer keys. */
@Component
class ExamPersonalData implements PersonalDataSource {

    private final JdbcClient jdbc;

    ExamPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PersonalDataSection> about(long personId) {
        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT target_group, started_at, finished_at, status, score_percent, passed, client_ip, device
                FROM exam_attempt WHERE person_id = ? ORDER BY started_at DESC""").param(personId).query((rs, i) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("privacy.f.startedAt", rs.getTimestamp(2).toInstant());
            row.put("privacy.f.finishedAt", rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant());
            row.put("privacy.f.score", rs.getObject(5, Integer.class));
            row.put("privacy.f.passed", rs.getObject(6, Boolean.class));
            // kept for the exam's integrity review, so the person is told they are kept
            row.put("privacy.f.clientIp", rs.getString(7));
            row.put("privacy.f.device", rs.getString(8));
            return row;
        }).list();
        return List.of(new PersonalDataSection("exams", 30, "privacy.section.exams", rows));
    }
}
