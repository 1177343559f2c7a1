package vn.binhdan.assistant.internal.search;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.binhdan.assistant.UnansweredGroup;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.privacy.ConsentPurpose;
import vn.binhdan.shared.privacy.Consents;

/** The questions the assistant could not answer; stored already stripped of personal numbers. */
@Repository
public class UnansweredQuestions {

    private static final int EXAMPLES = 3;
    /** The most asked wordings read for grouping. */
    private static final int WORDINGS = 2000;
    /** The keyword sets a group reports and draws its examples from. */
    private static final int MAX_SETS = 50;
    private final JdbcClient jdbc;
    private final Consents consents;

    public UnansweredQuestions(JdbcClient jdbc, Consents consents) {
        this.jdbc = jdbc;
        this.consents = consents;
    }

    public void record(String question, String keywords, Instant at) {
        if (keywords.isBlank()) {
            return; // nothing an author could write a lesson about
        }
        Long asker = CurrentUser.find().map(AppUser::personId).orElse(null);
        if (asker != null && consents.withheld(asker, ConsentPurpose.ASSISTANT_HISTORY)) {
            return; // the asker refused to have their questions kept
        }
        jdbc.sql("INSERT INTO assistant_unanswered (question, keywords, asked_at) VALUES (?, ?, ?)")
                .params(question, keywords, Timestamp.from(at)).update();
    }

    /**
     * The unanswered questions grouped by similarity, most asked first. The most asked wordings
     * are read (a bounded number, so a flood of one-off questions cannot make this slow) and merged
     * in memory; examples are the most recent distinct questions of each group returned.
     */
    public List<UnansweredGroup> groups(int limit) {
        List<SimilarQuestions.Wording> wordings = jdbc.sql("""
                        SELECT keywords, COUNT(*) AS n, MAX(asked_at) AS last_at FROM assistant_unanswered
                        GROUP BY keywords ORDER BY COUNT(*) DESC, MAX(asked_at) DESC, keywords LIMIT ?""")
                .param(WORDINGS)
                .query((rs, i) -> new SimilarQuestions.Wording(rs.getString("keywords"), rs.getLong("n"),
                        rs.getTimestamp("last_at").toInstant()))
                .list();
        List<SimilarQuestions.Group> groups = SimilarQuestions.group(wordings);
        List<UnansweredGroup> out = new ArrayList<>();
        for (SimilarQuestions.Group g : groups.subList(0, Math.min(limit, groups.size()))) {
            List<String> sets = g.keywordSets().stream().limit(MAX_SETS).toList();
            List<String> examples = examples(sets);
            out.add(new UnansweredGroup(g.seed().keywords(), g.count(), g.lastAskedAt(), examples,
                    SimilarQuestions.label(g, examples), sets));
        }
        return out;
    }

    private List<String> examples(List<String> keywordSets) {
        // a few more rows than needed: the same question asked twice is one example
        List<String> recent = jdbc.sql("""
                        SELECT question FROM assistant_unanswered WHERE keywords IN (:sets)
                        ORDER BY asked_at DESC, id DESC LIMIT :n""")
                .param("sets", keywordSets).param("n", EXAMPLES * 5)
                .query((rs, i) -> rs.getString("question")).list();
        return new LinkedHashSet<>(recent).stream().limit(EXAMPLES).toList();
    }
}
