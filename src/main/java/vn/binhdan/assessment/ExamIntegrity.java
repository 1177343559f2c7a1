package vn.binhdan.assessment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.people.PersonDirectory;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.Role;

/**
 * Signals that an exam may not have been taken by the person it certifies: one device or
 * address finishing exams for many people, a pass faster than the questions can be read, and
 * attempts sharing the same wrong answers. They are for a provincial administrator to review;
 * nothing is blocked or revoked automatically, because a commune's service centre legitimately
 * serves many people from one computer.
 */
@Service
@Transactional(readOnly = true)
public class ExamIntegrity {

    public static final List<Role> REVIEWERS = List.of(Role.PROVINCE_ADMIN);

    /**
     * @param devicePersons     people finishing exams on one device before it is flagged
     * @param addressPersons    people finishing exams from one IP address (a commune hall's NAT is normal, so higher)
     * @param wordsPerMinute    faster than this, nobody reads the questions (skimming is about 400)
     * @param sameWrongAnswers  identical wrong answers two attempts must share to be flagged
     */
    @ConfigurationProperties("binhdan.exam.integrity")
    public record Thresholds(Integer devicePersons, Integer addressPersons, Integer wordsPerMinute,
                             Integer sameWrongAnswers) {
        public Thresholds {
            devicePersons = devicePersons == null ? 4 : devicePersons;
            addressPersons = addressPersons == null ? 25 : addressPersons;
            wordsPerMinute = wordsPerMinute == null ? 400 : wordsPerMinute;
            sameWrongAnswers = sameWrongAnswers == null ? 3 : sameWrongAnswers;
        }
    }

    public enum Kind { SHARED_DEVICE, SHARED_ADDRESS, TOO_FAST, SAME_ANSWERS }

    public record FlaggedAttempt(String attemptId, long personId, String personName, int percent, boolean passed,
                                 Instant finishedAt) {
    }

    /** {@code detail}: the device or address, the seconds taken against the reading time, or the answers shared. */
    public record Flag(Kind kind, String detail, List<FlaggedAttempt> attempts) {
    }

    private final JdbcClient jdbc;
    private final PersonDirectory persons;
    private final AuditLog audit;
    private final Thresholds thresholds;
    private final Clock clock;

    public ExamIntegrity(JdbcClient jdbc, PersonDirectory persons, AuditLog audit, Thresholds thresholds, Clock clock) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.audit = audit;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    private record Graded(String id, long personId, int percent, boolean passed, Instant startedAt, Instant finishedAt,
                          String how, String device, String address) {
    }

    /** The flags over attempts finished in the last {@code days} days within the administrator's provinces. */
    @Transactional
    public List<Flag> flags(int days) {
        AppUser user = CurrentUser.require();
        List<String> scopes = user.scopePaths(REVIEWERS);
        if (scopes.isEmpty()) {
            throw new ForbiddenException("integrity.forbidden");
        }
        Instant since = clock.instant().minus(Duration.ofDays(Math.max(1, Math.min(days, 365))));
        StringBuilder where = new StringBuilder("a.status = 'GRADED' AND a.finished_at >= ? AND (");
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(since)));
        for (int i = 0; i < scopes.size(); i++) {
            where.append(i == 0 ? "" : " OR ").append("a.unit_path LIKE ?");
            params.add(scopes.get(i) + "%");
        }
        where.append(")");
        Map<String, Graded> graded = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM exam_attempt a WHERE " + where + " ORDER BY a.finished_at").params(params)
                .query((rs, i) -> graded.put(rs.getString("id"), new Graded(rs.getString("id"), rs.getLong("person_id"),
                        rs.getInt("score_percent"), rs.getBoolean("passed"), rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("finished_at").toInstant(), rs.getString("finished_how"), rs.getString("device"),
                        rs.getString("client_ip"))))
                .list();
        List<Flag> flags = new ArrayList<>();
        shared(graded, Kind.SHARED_DEVICE, Graded::device, thresholds.devicePersons(), flags);
        shared(graded, Kind.SHARED_ADDRESS, Graded::address, thresholds.addressPersons(), flags);
        tooFast(graded, where.toString(), params, flags);
        sameAnswers(graded, where.toString(), params, flags);
        int persons = (int) flags.stream().flatMap(f -> f.attempts().stream()).mapToLong(FlaggedAttempt::personId)
                .distinct().count();
        audit.listed("exam-integrity", null, scopes.getFirst(),
                AuditLog.query("days", days, "flags", flags.size()), persons);
        return flags;
    }

    private void shared(Map<String, Graded> graded, Kind kind, java.util.function.Function<Graded, String> key,
                        int threshold, List<Flag> flags) {
        Map<String, List<Graded>> byKey = new LinkedHashMap<>();
        graded.values().stream().filter(g -> key.apply(g) != null)
                .forEach(g -> byKey.computeIfAbsent(key.apply(g), k -> new ArrayList<>()).add(g));
        byKey.forEach((k, list) -> {
            long people = list.stream().mapToLong(Graded::personId).distinct().count();
            if (people >= threshold) {
                flags.add(new Flag(kind, k + " · " + people, list.stream().map(this::flagged).toList()));
            }
        });
    }

    /** A pass in less time than reading its questions and options takes at {@code wordsPerMinute}. */
    private void tooFast(Map<String, Graded> graded, String where, List<Object> params, List<Flag> flags) {
        Map<String, Long> chars = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT a.id, SUM(LENGTH(q.prompt) + LENGTH(q.options)) FROM exam_attempt a
                JOIN exam_item i ON i.attempt_id = a.id JOIN question q ON q.id = i.question_id
                WHERE a.passed AND a.finished_how = 'SUBMITTED' AND""" + " " + where + " GROUP BY a.id")
                .params(params).query((rs, i) -> chars.put(rs.getString(1), rs.getLong(2))).list();
        chars.forEach((id, n) -> {
            Graded g = graded.get(id);
            // about six characters to a Vietnamese word with its space
            double readingSeconds = n / 6.0 / thresholds.wordsPerMinute() * 60;
            long took = Duration.between(g.startedAt(), g.finishedAt()).toSeconds();
            if (took < readingSeconds) {
                flags.add(new Flag(Kind.TOO_FAST, took + " s / " + Math.round(readingSeconds) + " s",
                        List.of(flagged(g))));
            }
        });
    }

    /** Pairs of different people's attempts that chose the same wrong options on several questions. */
    private void sameAnswers(Map<String, Graded> graded, String where, List<Object> params, List<Flag> flags) {
        List<Object> both = new ArrayList<>(params);
        both.addAll(params);
        String whereB = where.replace("a.", "b.");
        jdbc.sql("""
                SELECT x.attempt_id, y.attempt_id, COUNT(*) FROM exam_item x
                JOIN exam_item y ON y.question_id = x.question_id AND y.original_choice = x.original_choice
                                 AND y.attempt_id > x.attempt_id
                JOIN exam_attempt a ON a.id = x.attempt_id
                JOIN exam_attempt b ON b.id = y.attempt_id
                WHERE x.correct = FALSE AND y.correct = FALSE AND a.person_id <> b.person_id AND""" + " " + where
                        + " AND " + whereB + " GROUP BY x.attempt_id, y.attempt_id HAVING COUNT(*) >= ?")
                .params(concat(both, thresholds.sameWrongAnswers()))
                .query((rs, i) -> flags.add(new Flag(Kind.SAME_ANSWERS, Long.toString(rs.getLong(3)),
                        List.of(flagged(graded.get(rs.getString(1))), flagged(graded.get(rs.getString(2)))))))
                .list();
    }

    private static List<Object> concat(List<Object> list, Object last) {
        List<Object> out = new ArrayList<>(list);
        out.add(last);
        return out;
    }

    private FlaggedAttempt flagged(Graded g) {
        String name = persons.find(g.personId()).map(PersonDirectory.PersonRef::fullName).orElse("");
        return new FlaggedAttempt(g.id(), g.personId(), name, g.percent(), g.passed(), g.finishedAt());
    }
}
