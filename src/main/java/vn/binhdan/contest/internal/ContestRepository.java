package vn.binhdan.contest.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.binhdan.contest.CollectiveBasis;
import vn.binhdan.contest.Counts;

/** Plain SQL for the contest: a start is one insert, an autosave one upsert, a close a few batches. */
@Repository
public class ContestRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    /** PostgreSQL saves an answer in one statement; H2 needs three inside the caller's transaction. */
    private final boolean postgres;

    /**
     * Rounds and contests as the rush reads them: 20,000 starts in a minute would otherwise read
     * the same two rows 40,000 times. A second old at most on another instance (this one forgets
     * at once when it writes), and a start's insert checks the round is still open itself.
     */
    private final Map<Long, Fresh<RoundRow>> briefRounds = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Long, Fresh<ContestRow>> briefContests = new java.util.concurrent.ConcurrentHashMap<>();
    private static final long BRIEFLY_NANOS = 1_000_000_000L;

    private record Fresh<T>(Optional<T> row, long until) {

        boolean current() {
            return System.nanoTime() - until < 0;
        }
    }

    public ContestRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
        this.postgres = Boolean.TRUE.equals(template.execute((java.sql.Connection c) ->
                c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")));
    }

    /** True where {@link #saveIfOpen} is a single atomic statement; elsewhere call it in a transaction. */
    public boolean savesAtomically() {
        return postgres;
    }

    public Optional<RoundRow> roundBriefly(long id) {
        Fresh<RoundRow> f = briefRounds.get(id);
        if (f != null && f.current()) {
            return f.row();
        }
        Optional<RoundRow> row = round(id);
        remember(briefRounds, id, row);
        return row;
    }

    public Optional<ContestRow> contestBriefly(long id) {
        Fresh<ContestRow> f = briefContests.get(id);
        if (f != null && f.current()) {
            return f.row();
        }
        Optional<ContestRow> row = contest(id);
        remember(briefContests, id, row);
        return row;
    }

    private static <T> void remember(Map<Long, Fresh<T>> cache, long id, Optional<T> row) {
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(id, new Fresh<>(row, System.nanoTime() + BRIEFLY_NANOS));
    }

    /** Every write to a round or contest forgets the brief copies (rare: set-up, edits, closes). */
    private void forgetBrief() {
        briefRounds.clear();
        briefContests.clear();
    }

    public record ContestRow(long id, long unitId, String unitPath, String title, String rules, String organiser,
                             int finalPrizes, CollectiveBasis collectiveBasis, int collectivePrizes) {
    }

    public record RoundRow(long id, long contestId, int number, String title, Instant opensAt, Instant closesAt,
                           int timeLimitMinutes, int entriesAllowed, Counts counts, int prizes, String drawSpec,
                           int questionCount, Instant closedAt, Integer trueCount) {
    }

    public record QuestionRow(int position, String code, String type, String prompt, List<String> options) {
    }

    public record EntryRow(String id, long roundId, long personId, String unitPath, int seq, long seed,
                           Instant startedAt, Instant deadline, String finishedHow, Instant submittedAt,
                           Long durationMs, Long prediction, Integer correct, boolean counted, Long predictionGap,
                           Integer rank, String clientIp, String device) {

        public boolean active() {
            return finishedHow == null;
        }
    }

    // ---- contests and rounds --------------------------------------------------------------

    public long insertContest(ContestRow c, String by, Instant at) {
        forgetBrief();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO contest (unit_id, unit_path, title, rules, organiser, final_prizes, collective_basis,
                                     collective_prizes, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.unitId(), c.unitPath(), c.title(), c.rules(), c.organiser(), c.finalPrizes(),
                        c.collectiveBasis().name(), c.collectivePrizes(), by, Timestamp.from(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<ContestRow> contest(long id) {
        return jdbc.sql("SELECT * FROM contest WHERE id = ?").param(id).query(ContestRepository::contest).optional();
    }

    public List<ContestRow> contests() {
        return jdbc.sql("SELECT * FROM contest ORDER BY created_at DESC, id DESC").query(ContestRepository::contest).list();
    }

    private static ContestRow contest(ResultSet rs, int i) throws SQLException {
        return new ContestRow(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_path"), rs.getString("title"),
                rs.getString("rules"), rs.getString("organiser"), rs.getInt("final_prizes"),
                CollectiveBasis.valueOf(rs.getString("collective_basis")), rs.getInt("collective_prizes"));
    }

    public long insertRound(RoundRow r, List<QuestionRow> questions) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO contest_round (contest_id, number, title, opens_at, closes_at, time_limit_minutes,
                                           entries_allowed, counts, prizes, draw_spec, question_count)
                VALUES (?, (SELECT COALESCE(MAX(number), 0) + 1 FROM contest_round WHERE contest_id = ?),
                        ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.contestId(), r.contestId(), r.title(), Timestamp.from(r.opensAt()), Timestamp.from(r.closesAt()),
                        r.timeLimitMinutes(), r.entriesAllowed(), r.counts().name(), r.prizes(), r.drawSpec(),
                        questions.size())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        replaceQuestions(id, questions);
        return id;
    }

    public void replaceQuestions(long roundId, List<QuestionRow> questions) {
        forgetBrief();
        jdbc.sql("DELETE FROM contest_question WHERE round_id = ?").param(roundId).update();
        template.batchUpdate("""
                INSERT INTO contest_question (round_id, position, question_code, type, prompt, options)
                VALUES (?, ?, ?, ?, ?, ?)""", questions, 200, (ps, q) -> {
            ps.setLong(1, roundId);
            ps.setInt(2, q.position());
            ps.setString(3, q.code());
            ps.setString(4, q.type());
            ps.setString(5, q.prompt());
            ps.setString(6, Json.write(q.options()));
        });
    }

    public void updateRound(RoundRow r) {
        forgetBrief();
        jdbc.sql("""
                UPDATE contest_round SET title = ?, opens_at = ?, closes_at = ?, time_limit_minutes = ?,
                       entries_allowed = ?, counts = ?, prizes = ?, draw_spec = ?, question_count = ?
                WHERE id = ?""")
                .params(r.title(), Timestamp.from(r.opensAt()), Timestamp.from(r.closesAt()), r.timeLimitMinutes(),
                        r.entriesAllowed(), r.counts().name(), r.prizes(), r.drawSpec(), r.questionCount(), r.id())
                .update();
    }

    public Optional<RoundRow> round(long id) {
        return jdbc.sql("SELECT * FROM contest_round WHERE id = ?").param(id).query(ContestRepository::round).optional();
    }

    public Optional<RoundRow> lockRound(long id) {
        return jdbc.sql("SELECT * FROM contest_round WHERE id = ? FOR UPDATE").param(id).query(ContestRepository::round)
                .optional();
    }

    public List<RoundRow> rounds(long contestId) {
        return jdbc.sql("SELECT * FROM contest_round WHERE contest_id = ? ORDER BY number").param(contestId)
                .query(ContestRepository::round).list();
    }

    public List<Long> dueForClosing(Instant now) {
        return jdbc.sql("SELECT id FROM contest_round WHERE closed_at IS NULL AND closes_at <= ? ORDER BY closes_at")
                .param(Timestamp.from(now)).query(Long.class).list();
    }

    private static RoundRow round(ResultSet rs, int i) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        int trueCount = rs.getInt("true_count");
        return new RoundRow(rs.getLong("id"), rs.getLong("contest_id"), rs.getInt("number"), rs.getString("title"),
                rs.getTimestamp("opens_at").toInstant(), rs.getTimestamp("closes_at").toInstant(),
                rs.getInt("time_limit_minutes"), rs.getInt("entries_allowed"), Counts.valueOf(rs.getString("counts")),
                rs.getInt("prizes"), rs.getString("draw_spec"), rs.getInt("question_count"),
                closed == null ? null : closed.toInstant(), rs.wasNull() ? null : trueCount);
    }

    public List<QuestionRow> questions(long roundId) {
        return jdbc.sql("SELECT * FROM contest_question WHERE round_id = ? ORDER BY position").param(roundId)
                .query((rs, i) -> new QuestionRow(rs.getInt("position"), rs.getString("question_code"),
                        rs.getString("type"), rs.getString("prompt"), Json.readStrings(rs.getString("options"))))
                .list();
    }

    public long participants(long roundId) {
        return jdbc.sql("SELECT COUNT(DISTINCT person_id) FROM contest_entry WHERE round_id = ?").param(roundId)
                .query(Long.class).single();
    }

    public long entryCount(long roundId) {
        return jdbc.sql("SELECT COUNT(*) FROM contest_entry WHERE round_id = ?").param(roundId).query(Long.class).single();
    }

    public void markClosed(long roundId, Instant at, int trueCount) {
        forgetBrief();
        jdbc.sql("UPDATE contest_round SET closed_at = ?, true_count = ? WHERE id = ?")
                .params(Timestamp.from(at), trueCount, roundId).update();
    }

    public void reopen(long roundId) {
        forgetBrief();
        jdbc.sql("UPDATE contest_round SET closed_at = NULL, true_count = NULL WHERE id = ?").param(roundId).update();
    }

    /** Brings a round's close forward to now (the organiser closes it early). */
    public void closeNow(long roundId, Instant now) {
        forgetBrief();
        jdbc.sql("UPDATE contest_round SET closes_at = ? WHERE id = ? AND closes_at > ?")
                .params(Timestamp.from(now), roundId, Timestamp.from(now)).update();
    }

    // ---- registrations and entries --------------------------------------------------------

    public boolean register(long contestId, long personId, String unitPath, Instant at) {
        return jdbc.sql("""
                INSERT INTO contest_registration (contest_id, person_id, unit_path, registered_at)
                SELECT ?, ?, ?, ? FROM (VALUES (1)) x
                WHERE NOT EXISTS (SELECT 1 FROM contest_registration WHERE contest_id = ? AND person_id = ?)""")
                .params(contestId, personId, unitPath, Timestamp.from(at), contestId, personId).update() == 1;
    }

    /**
     * Marks the person's first entry in the contest, at the unit they enter from; true only for
     * the first (the row is the registration a start has just made sure of).
     */
    public boolean firstEntry(long contestId, long personId, String unitPath, Instant at) {
        return jdbc.sql("""
                UPDATE contest_registration SET first_entry_at = ?, unit_path = ?
                WHERE contest_id = ? AND person_id = ? AND first_entry_at IS NULL""")
                .params(Timestamp.from(at), unitPath, contestId, personId).update() == 1;
    }

    public interface FirstEntrySink {
        void accept(long contestId, String unitPath, Instant at);
    }

    public void forEachFirstEntry(FirstEntrySink sink) {
        template.query("""
                SELECT contest_id, unit_path, first_entry_at FROM contest_registration
                WHERE first_entry_at IS NOT NULL""",
                rs -> {
                    sink.accept(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant());
                });
    }

    public boolean registered(long contestId, long personId) {
        return jdbc.sql("SELECT COUNT(*) FROM contest_registration WHERE contest_id = ? AND person_id = ?")
                .params(contestId, personId).query(Long.class).single() > 0;
    }

    /**
     * A start's insert, made only while the round is open by the given time (an early close on
     * another instance is seen here, whatever that instance's brief copy of the round says).
     * False when the round is not open; a second entry with the same number fails on the key.
     */
    public boolean insertEntryIfOpen(EntryRow e, Instant now) {
        return jdbc.sql("""
                INSERT INTO contest_entry (id, round_id, person_id, unit_path, seq, seed, started_at, deadline,
                                           client_ip, device)
                SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM contest_round
                WHERE id = ? AND closed_at IS NULL AND opens_at <= ? AND closes_at > ?""")
                .params(e.id(), e.roundId(), e.personId(), e.unitPath(), e.seq(), e.seed(),
                        Timestamp.from(e.startedAt()), Timestamp.from(e.deadline()), e.clientIp(), e.device(),
                        e.roundId(), Timestamp.from(now), Timestamp.from(now))
                .update() == 1;
    }

    /**
     * Registers a person entering for the first time in one statement, their first entry marked;
     * false when they were registered already (then {@link #firstEntry} tells whether this is it).
     */
    public boolean registerEntering(long contestId, long personId, String unitPath, Instant at) {
        return jdbc.sql("""
                INSERT INTO contest_registration (contest_id, person_id, unit_path, registered_at, first_entry_at)
                SELECT ?, ?, ?, ?, ? FROM (VALUES (1)) x
                WHERE NOT EXISTS (SELECT 1 FROM contest_registration WHERE contest_id = ? AND person_id = ?)""")
                .params(contestId, personId, unitPath, Timestamp.from(at), Timestamp.from(at), contestId, personId)
                .update() == 1;
    }

    public void insertEntry(EntryRow e) {
        jdbc.sql("""
                INSERT INTO contest_entry (id, round_id, person_id, unit_path, seq, seed, started_at, deadline,
                                           client_ip, device)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.id(), e.roundId(), e.personId(), e.unitPath(), e.seq(), e.seed(),
                        Timestamp.from(e.startedAt()), Timestamp.from(e.deadline()), e.clientIp(), e.device())
                .update();
    }

    private static final String ENTRY = "SELECT * FROM contest_entry ";

    public Optional<EntryRow> entry(String id) {
        return jdbc.sql(ENTRY + "WHERE id = ?").param(id).query(ContestRepository::entry).optional();
    }

    public Optional<EntryRow> lockEntry(String id) {
        return jdbc.sql(ENTRY + "WHERE id = ? FOR UPDATE").param(id).query(ContestRepository::entry).optional();
    }

    public List<EntryRow> entriesOf(long personId, long roundId) {
        return jdbc.sql(ENTRY + "WHERE person_id = ? AND round_id = ? ORDER BY seq").params(personId, roundId)
                .query(ContestRepository::entry).list();
    }

    public List<EntryRow> entriesOfPerson(long personId) {
        return jdbc.sql(ENTRY + "WHERE person_id = ? ORDER BY round_id, seq").param(personId)
                .query(ContestRepository::entry).list();
    }

    public List<EntryRow> entries(long roundId) {
        return jdbc.sql(ENTRY + "WHERE round_id = ?").param(roundId).query(ContestRepository::entry).list();
    }

    /** The entries a score is made of: every entry but those the organiser excluded. */
    public List<EntryRow> scorable(long roundId) {
        return jdbc.sql(ENTRY + "WHERE round_id = ? AND excluded IS NULL").param(roundId)
                .query(ContestRepository::entry).list();
    }

    public void exclude(String entryId, String reason) {
        jdbc.sql("UPDATE contest_entry SET excluded = ?, counted = FALSE, rank_no = NULL WHERE id = ?")
                .params(reason, entryId).update();
    }

    /** Excluded entries of a round and why. */
    /** Counted and ranked again by the next scoring, like any entry. */
    public void reinstate(String entryId) {
        jdbc.sql("UPDATE contest_entry SET excluded = NULL WHERE id = ?").param(entryId).update();
    }

    public Map<String, String> exclusions(long roundId) {
        Map<String, String> out = new HashMap<>();
        jdbc.sql("SELECT id, excluded FROM contest_entry WHERE round_id = ? AND excluded IS NOT NULL").param(roundId)
                .query((rs, i) -> out.put(rs.getString(1), rs.getString(2))).list();
        return out;
    }

    public void setTrueCount(long roundId, int trueCount) {
        forgetBrief();
        jdbc.sql("UPDATE contest_round SET true_count = ? WHERE id = ?").params(trueCount, roundId).update();
    }

    public List<String> activeEntries(long roundId) {
        return jdbc.sql("SELECT id FROM contest_entry WHERE round_id = ? AND finished_how IS NULL").param(roundId)
                .query(String.class).list();
    }

    /** Counted entries of a round in rank order. */
    public List<EntryRow> ranked(long roundId, int limit) {
        return jdbc.sql(ENTRY + "WHERE round_id = ? AND counted AND rank_no IS NOT NULL ORDER BY rank_no LIMIT ?")
                .params(roundId, limit).query(ContestRepository::entry).list();
    }

    public long rankedCount(long roundId) {
        return jdbc.sql("SELECT COUNT(*) FROM contest_entry WHERE round_id = ? AND counted").param(roundId)
                .query(Long.class).single();
    }

    private static EntryRow entry(ResultSet rs, int i) throws SQLException {
        Timestamp submitted = rs.getTimestamp("submitted_at");
        return new EntryRow(rs.getString("id"), rs.getLong("round_id"), rs.getLong("person_id"),
                rs.getString("unit_path"), rs.getInt("seq"), rs.getLong("seed"),
                rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("deadline").toInstant(),
                rs.getString("finished_how"), submitted == null ? null : submitted.toInstant(),
                nullableLong(rs, "duration_ms"), nullableLong(rs, "prediction"), nullableInt(rs, "correct"),
                rs.getBoolean("counted"), nullableLong(rs, "prediction_gap"), nullableInt(rs, "rank_no"),
                rs.getString("client_ip"), rs.getString("device"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    /** Entries already finished elsewhere, in batches. */
    public void insertFinished(List<EntryRow> rows) {
        template.batchUpdate("""
                INSERT INTO contest_entry (id, round_id, person_id, unit_path, seq, seed, started_at, deadline,
                                           finished_how, submitted_at, duration_ms, prediction, correct, client_ip, device)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, 500, (ps, e) -> {
            ps.setString(1, e.id());
            ps.setLong(2, e.roundId());
            ps.setLong(3, e.personId());
            ps.setString(4, e.unitPath());
            ps.setInt(5, e.seq());
            ps.setLong(6, e.seed());
            ps.setTimestamp(7, Timestamp.from(e.startedAt()));
            ps.setTimestamp(8, Timestamp.from(e.deadline()));
            ps.setString(9, e.finishedHow());
            ps.setTimestamp(10, Timestamp.from(e.submittedAt()));
            ps.setLong(11, e.durationMs());
            if (e.prediction() == null) {
                ps.setNull(12, java.sql.Types.BIGINT);
            } else {
                ps.setLong(12, e.prediction());
            }
            ps.setInt(13, e.correct());
            ps.setString(14, e.clientIp());
            ps.setString(15, e.device());
        });
    }

    /**
     * Saves one answer (round position, the question's own option indexes) while the entry runs.
     * The entry's row is locked for it, so a save and the grading of a submit never interleave:
     * an answer acknowledged is graded, or the save is refused. On PostgreSQL that is one
     * statement; elsewhere the caller's transaction holds the lock across the three.
     */
    public boolean saveIfOpen(String entryId, int position, List<Integer> original, Instant at, Instant deadlineAfter) {
        String choice = join(original);
        if (postgres) {
            String write = original.isEmpty()
                    ? "DELETE FROM contest_answer WHERE entry_id IN (SELECT id FROM running) AND position = ?"
                    : """
                      INSERT INTO contest_answer (entry_id, position, choice, saved_at)
                      SELECT id, ?, ?, ? FROM running
                      ON CONFLICT (entry_id, position) DO UPDATE SET choice = EXCLUDED.choice, saved_at = EXCLUDED.saved_at""";
            List<Object> params = new ArrayList<>(List.of(entryId, Timestamp.from(deadlineAfter), position));
            if (!original.isEmpty()) {
                params.add(choice);
                params.add(Timestamp.from(at));
            }
            return jdbc.sql("""
                    WITH running AS (UPDATE contest_entry SET seed = seed
                                  WHERE id = ? AND finished_how IS NULL AND deadline >= ? RETURNING id),
                         saved AS (%s)
                    SELECT COUNT(*) FROM running""".formatted(write))
                    .params(params).query(Long.class).single() == 1;
        }
        int open = jdbc.sql("""
                UPDATE contest_entry SET seed = seed WHERE id = ? AND finished_how IS NULL AND deadline >= ?""")
                .params(entryId, Timestamp.from(deadlineAfter)).update();
        if (open == 0) {
            return false;
        }
        if (original.isEmpty()) {
            jdbc.sql("DELETE FROM contest_answer WHERE entry_id = ? AND position = ?").params(entryId, position).update();
            return true;
        }
        int updated = jdbc.sql("UPDATE contest_answer SET choice = ?, saved_at = ? WHERE entry_id = ? AND position = ?")
                .params(choice, Timestamp.from(at), entryId, position).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO contest_answer (entry_id, position, choice, saved_at) VALUES (?, ?, ?, ?)")
                    .params(entryId, position, choice, Timestamp.from(at)).update();
        }
        return true;
    }

    /** Position → the question's own option indexes. */
    public Map<Integer, List<Integer>> answers(String entryId) {
        Map<Integer, List<Integer>> out = new HashMap<>();
        jdbc.sql("SELECT position, choice FROM contest_answer WHERE entry_id = ?").param(entryId)
                .query(rs -> {
                    out.put(rs.getInt(1), split(rs.getString(2)));
                });
        return out;
    }

    public void finish(String entryId, String how, Instant submittedAt, long durationMs, Long prediction, int correct,
                       Map<Integer, Boolean> verdicts) {
        jdbc.sql("""
                UPDATE contest_entry SET finished_how = ?, submitted_at = ?, duration_ms = ?, prediction = ?, correct = ?
                WHERE id = ?""")
                .params(how, Timestamp.from(submittedAt), durationMs, prediction, correct, entryId).update();
        List<Map.Entry<Integer, Boolean>> list = new ArrayList<>(verdicts.entrySet());
        template.batchUpdate("UPDATE contest_answer SET correct = ? WHERE entry_id = ? AND position = ?", list, 100,
                (ps, v) -> {
                    ps.setBoolean(1, v.getValue());
                    ps.setString(2, entryId);
                    ps.setInt(3, v.getKey());
                });
    }

    public record Scored(String entryId, boolean counted, Long gap, Integer rank) {
    }

    /** True where the database scores a round itself ({@link #scoreInPlace}); elsewhere {@link Scoring} does. */
    public boolean scoresInPlace() {
        return postgres;
    }

    /**
     * Scores a round where its rows are, by the rules of {@link Scoring} (which H2 runs in Java and a
     * test holds this to): each person's counted entry, the true count, every prediction's gap and
     * the ranks, in two statements. Writing 100,000 rows back one by one took twenty times as long
     * as the ranking itself. Returns the true count.
     */
    public int scoreInPlace(long roundId, int questionCount, Counts counts) {
        String eligible = "finished_how IS NOT NULL AND correct IS NOT NULL";
        int truth = jdbc.sql("""
                SELECT COUNT(*) FROM (
                    SELECT person_id FROM contest_entry
                    WHERE round_id = ? AND excluded IS NULL AND %s
                    GROUP BY person_id HAVING %s = ?) p""".formatted(eligible,
                        counts == Counts.FIRST ? "(ARRAY_AGG(correct ORDER BY seq))[1]" : "MAX(correct)"))
                .params(roundId, questionCount).query(Integer.class).single();
        String candidate = counts == Counts.FIRST
                ? "seq = MIN(seq) OVER (PARTITION BY person_id, eligible)"
                : "correct = MAX(correct) OVER (PARTITION BY person_id, eligible)";
        // a missing prediction, time or submission comes last; the id (as Java compares it) decides the rest
        String order = "correct DESC, gap ASC NULLS LAST, duration_ms ASC NULLS LAST, submitted_at ASC NULLS LAST, "
                + "id COLLATE \"C\"";
        jdbc.sql("""
                WITH scorable AS (
                    SELECT id, person_id, seq, correct, duration_ms, submitted_at, %s AS eligible,
                           ABS(prediction - ?) AS gap
                    FROM contest_entry WHERE round_id = ? AND excluded IS NULL),
                candidates AS (
                    SELECT s.*, eligible AND %s AS candidate FROM scorable s),
                picked AS (
                    SELECT c.*, candidate AND ROW_NUMBER() OVER (PARTITION BY person_id, candidate ORDER BY %s) = 1
                           AS counted
                    FROM candidates c),
                ranked AS (
                    SELECT id, counted, gap,
                           CASE WHEN counted THEN ROW_NUMBER() OVER (PARTITION BY counted ORDER BY %s) END AS rank_no
                    FROM picked)
                UPDATE contest_entry e SET counted = r.counted, prediction_gap = r.gap, rank_no = r.rank_no
                FROM ranked r WHERE e.id = r.id""".formatted(eligible, candidate, order, order))
                .params((long) truth, roundId).update();
        return truth;
    }

    public void score(List<Scored> scored) {
        template.batchUpdate("UPDATE contest_entry SET counted = ?, prediction_gap = ?, rank_no = ? WHERE id = ?",
                scored, 1000, (ps, s) -> {
                    ps.setBoolean(1, s.counted());
                    if (s.gap() == null) {
                        ps.setNull(2, java.sql.Types.BIGINT);
                    } else {
                        ps.setLong(2, s.gap());
                    }
                    if (s.rank() == null) {
                        ps.setNull(3, java.sql.Types.INTEGER);
                    } else {
                        ps.setInt(3, s.rank());
                    }
                    ps.setString(4, s.entryId());
                });
    }

    /** Distinct participants per residence path, for a round or (roundId null) the whole contest. */
    public Map<String, Long> participantsByPath(long contestId, Long roundId) {
        Map<String, Long> out = new HashMap<>();
        String sql = roundId == null
                ? """
                  SELECT e.unit_path, COUNT(DISTINCT e.person_id) FROM contest_entry e
                  JOIN contest_round r ON r.id = e.round_id WHERE r.contest_id = ? GROUP BY e.unit_path"""
                : "SELECT unit_path, COUNT(DISTINCT person_id) FROM contest_entry WHERE round_id = ? GROUP BY unit_path";
        jdbc.sql(sql).param(roundId == null ? contestId : roundId).query(rs -> {
            out.put(rs.getString(1), rs.getLong(2));
        });
        return out;
    }

    /**
     * Entries whose wrong answers are exactly the same (at least {@code min} of them), grouped.
     * Everyone in a round answers the same questions, so a popular wrong option is shared by
     * thousands; comparing entries pairwise would be quadratic, while a signature of all of an
     * entry's wrong answers is one pass and singles out copied answer sheets.
     */
    public List<List<String>> sameWrongAnswers(long roundId, int min) {
        Map<String, StringBuilder> signatures = new java.util.LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("""
                SELECT a.entry_id, a.position, a.choice FROM contest_answer a
                JOIN contest_entry e ON e.id = a.entry_id
                WHERE e.round_id = ? AND a.correct = FALSE ORDER BY a.entry_id, a.position""")
                .param(roundId).query(rs -> {
                    String entry = rs.getString(1);
                    signatures.computeIfAbsent(entry, k -> new StringBuilder()).append(rs.getInt(2)).append('=')
                            .append(rs.getString(3)).append(';');
                    counts.merge(entry, 1, Integer::sum);
                });
        Map<String, List<String>> bySignature = new HashMap<>();
        signatures.forEach((entry, sig) -> {
            if (counts.get(entry) >= min) {
                bySignature.computeIfAbsent(sig.toString(), k -> new ArrayList<>()).add(entry);
            }
        });
        return bySignature.values().stream().filter(l -> l.size() > 1).toList();
    }

    public int readingChars(long roundId) {
        return jdbc.sql("SELECT COALESCE(SUM(LENGTH(prompt) + LENGTH(options)), 0) FROM contest_question WHERE round_id = ?")
                .param(roundId).query(Integer.class).single();
    }

    // ---- prize lists ------------------------------------------------------------------------

    public Optional<Instant> publishedAt(long contestId, long roundKey) {
        return jdbc.sql("SELECT published_at FROM contest_prize_list WHERE contest_id = ? AND round_key = ?")
                .params(contestId, roundKey).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    public void publish(long contestId, long roundKey, Instant at, String by) {
        jdbc.sql("INSERT INTO contest_prize_list (contest_id, round_key, published_at, published_by) VALUES (?, ?, ?, ?)")
                .params(contestId, roundKey, Timestamp.from(at), by).update();
    }

    // ---- helpers ----------------------------------------------------------------------------

    static String join(List<Integer> values) {
        StringBuilder out = new StringBuilder();
        for (Integer v : values) {
            out.append(out.isEmpty() ? "" : ",").append(v);
        }
        return out.toString();
    }

    static List<Integer> split(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }
}
