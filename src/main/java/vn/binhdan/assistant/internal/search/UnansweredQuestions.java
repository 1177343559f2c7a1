package vn.binhdan.assistant.internal.search;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.binhdan.assistant.UnansweredGroup;

/** The questions the assistant could not answer; stored already stripped of personal numbers. */
@Repository
public class UnansweredQuestions {

    private static final int EXAMPLES = 3;
    private final JdbcClient jdbc;

    public UnansweredQuestions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String question, String keywords, Instant at) {
        if (keywords.isBlank()) {
            return; // nothing an author could write a lesson about
        }
        jdbc.sql("INSERT INTO assistant_unanswered (question, keywords, asked_at) VALUES (?, ?, ?)")
                .params(question, keywords, Timestamp.from(at)).update();
    }

    public List<UnansweredGroup> groups(int limit) {
        record Row(String keywords, long count, Instant last) {
        }
        List<Row> rows = jdbc.sql("""
                        SELECT keywords, COUNT(*) AS n, MAX(asked_at) AS last_at FROM assistant_unanswered
                        GROUP BY keywords ORDER BY COUNT(*) DESC, MAX(asked_at) DESC, keywords LIMIT ?""")
                .param(limit)
                .query((rs, i) -> new Row(rs.getString("keywords"), rs.getLong("n"), rs.getTimestamp("last_at").toInstant()))
                .list();
        Map<String, List<String>> examples = new LinkedHashMap<>();
        for (Row r : rows) {
            examples.put(r.keywords(), jdbc.sql("""
                            SELECT DISTINCT question, asked_at FROM assistant_unanswered WHERE keywords = ?
                            ORDER BY asked_at DESC LIMIT ?""")
                    .params(r.keywords(), EXAMPLES).query((rs, i) -> rs.getString("question")).list());
        }
        List<UnansweredGroup> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(new UnansweredGroup(r.keywords(), r.count(), r.last(), examples.get(r.keywords())));
        }
        return out;
    }
}
