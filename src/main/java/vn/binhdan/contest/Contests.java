package vn.binhdan.contest;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.binhdan.assessment.ExamIntegrity;
import vn.binhdan.assessment.OpenQuestion;
import vn.binhdan.assessment.QuestionBank;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.contest.internal.ContestRepository;
import vn.binhdan.contest.internal.ContestRepository.ContestRow;
import vn.binhdan.contest.internal.ContestRepository.EntryRow;
import vn.binhdan.contest.internal.ContestRepository.QuestionRow;
import vn.binhdan.contest.internal.ContestRepository.RoundRow;
import vn.binhdan.contest.internal.Scoring;
import vn.binhdan.people.PersonDirectory;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.ConflictException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.shared.Role;
import vn.binhdan.shared.SystemUser;
import vn.binhdan.skills.FrameworkService;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.Units;

/**
 * Setting up a contest and its rounds (provincial administrators over the contest's unit),
 * closing and scoring rounds, the leaderboards, the fair-play review and the prize lists.
 */
@Service
public class Contests {

    private static final Logger log = LoggerFactory.getLogger(Contests.class);
    public static final List<Role> ORGANISERS = List.of(Role.PROVINCE_ADMIN);
    static final int MAX_QUESTIONS = 50;

    private final ContestRepository repo;
    private final QuestionBank bank;
    private final FrameworkService frameworks;
    private final Units units;
    private final PersonDirectory persons;
    private final ExamIntegrity.Thresholds thresholds;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    private final vn.binhdan.shared.privacy.Consents consents;

    public Contests(ContestRepository repo, QuestionBank bank, FrameworkService frameworks, Units units,
                    PersonDirectory persons, ExamIntegrity.Thresholds thresholds, AuditLog audit,
                    TransactionTemplate tx, Clock clock, ApplicationEventPublisher events,
                    vn.binhdan.shared.privacy.Consents consents) {
        this.consents = consents;
        this.repo = repo;
        this.bank = bank;
        this.frameworks = frameworks;
        this.units = units;
        this.persons = persons;
        this.thresholds = thresholds;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.events = events;
    }

    // ---- who may do what ----------------------------------------------------------------------

    static boolean organises(AppUser user, ContestRow c) {
        return user.canActOn(c.unitPath(), ORGANISERS);
    }

    /**
     * Anyone whose grants or residence touch the contest's unit sees it: its residents enter, its
     * officers push participation. Leaderboards show masked names only.
     */
    boolean sees(AppUser user, ContestRow c) {
        if (user.has(Role.SYSTEM_ADMIN)) {
            return true;
        }
        boolean granted = user.grants().stream().anyMatch(g -> g.unitPath().startsWith(c.unitPath())
                || c.unitPath().startsWith(g.unitPath()));
        if (granted) {
            return true;
        }
        return user.personId() != null && persons.find(user.personId())
                .map(p -> p.residenceUnitPath().startsWith(c.unitPath())).orElse(false);
    }

    ContestRow visible(long contestId) {
        return seen(repo.contest(contestId));
    }

    private ContestRow seen(Optional<ContestRow> row) {
        ContestRow c = row.orElseThrow(() -> new NotFoundException("contest.notFound"));
        if (!sees(CurrentUser.require(), c)) {
            throw new NotFoundException("contest.notFound");
        }
        return c;
    }

    ContestRow organised(long contestId) {
        ContestRow c = visible(contestId);
        if (!organises(CurrentUser.require(), c)) {
            throw new ForbiddenException("contest.organiserOnly");
        }
        return c;
    }

    RoundRow roundOf(long roundId) {
        return repo.round(roundId).orElseThrow(() -> new NotFoundException("contest.roundNotFound"));
    }

    /** The hot paths' reads: a round and contest at most a second old (see the repository). */
    RoundRow roundBriefly(long roundId) {
        return repo.roundBriefly(roundId).orElseThrow(() -> new NotFoundException("contest.roundNotFound"));
    }

    ContestRow visibleBriefly(long contestId) {
        return seen(repo.contestBriefly(contestId));
    }

    // ---- set-up -------------------------------------------------------------------------------

    public Contest create(ContestForm form) {
        AppUser user = CurrentUser.require();
        if (form == null || form.unitId() == null) {
            throw new BusinessException("contest.field", "unitId");
        }
        Unit unit = units.find(form.unitId()).orElseThrow(() -> new NotFoundException("unit.notFound", form.unitId()));
        if (!user.canActOn(unit.path(), ORGANISERS)) {
            throw new ForbiddenException("contest.organiserOnly");
        }
        String title = required(form.title(), "title");
        String organiser = required(form.organiser(), "organiser");
        int finalPrizes = count(form.finalPrizes(), "finalPrizes", 0, 1000, 0);
        int collective = count(form.collectivePrizes(), "collectivePrizes", 0, 1000, 0);
        CollectiveBasis basis = form.collectiveBasis() == null ? CollectiveBasis.PARTICIPANTS : form.collectiveBasis();
        long id = tx.execute(s -> {
            long created = repo.insertContest(new ContestRow(0, unit.id(), unit.path(), title, blankToNull(form.rules()),
                    organiser, finalPrizes, basis, collective), user.username(), clock.instant());
            audit.record("CREATE", "contest", Long.toString(created), unit.path(), title);
            return created;
        });
        return get(id);
    }

    public List<Contest> list() {
        AppUser user = CurrentUser.require();
        return repo.contests().stream().filter(c -> sees(user, c)).map(c -> view(c, user, true)).toList();
    }

    /**
     * The contests without their participation counts: what a contestant's phone asks for during a
     * round's rush, where a count over every entry per request would be the most expensive part.
     */
    public List<Contest> listLight() {
        AppUser user = CurrentUser.require();
        return repo.contests().stream().filter(c -> sees(user, c)).map(c -> view(c, user, false)).toList();
    }

    public Contest get(long id) {
        return view(visible(id), CurrentUser.require(), true);
    }

    private Contest view(ContestRow c, AppUser user, boolean counts) {
        String unitName = units.find(c.unitId()).map(Unit::name).orElse("");
        List<Round> rounds = repo.rounds(c.id()).stream().map(r -> round(r, counts)).toList();
        return new Contest(c.id(), c.unitId(), c.unitPath(), unitName, c.title(), c.rules(), c.organiser(),
                c.finalPrizes(), c.collectiveBasis(), c.collectivePrizes(), organises(user, c), rounds);
    }

    Round round(RoundRow r) {
        return round(r, true);
    }

    private Round round(RoundRow r, boolean counts) {
        Instant now = clock.instant();
        String status = r.closedAt() != null ? "CLOSED" : now.isBefore(r.opensAt()) ? "UPCOMING"
                : now.isBefore(r.closesAt()) ? "OPEN" : "CLOSING";
        return new Round(r.id(), r.contestId(), r.number(), r.title(), r.opensAt(), r.closesAt(), r.timeLimitMinutes(),
                r.entriesAllowed(), r.counts(), r.prizes(), r.drawSpec(), r.questionCount(), status, r.closedAt(),
                r.trueCount(), counts ? repo.participants(r.id()) : -1,
                counts && repo.publishedAt(r.contestId(), r.id()).isPresent());
    }

    public Round getRound(long roundId) {
        RoundRow r = roundOf(roundId);
        visible(r.contestId());
        return round(r);
    }

    /** Adds a round; its questions are drawn now, and a bank that cannot supply them refuses the round with the shortfall. */
    public Round addRound(long contestId, RoundForm form) {
        ContestRow c = organised(contestId);
        RoundRow checked = checkRound(form, null);
        List<QuestionRow> questions = draw(form);
        long id = tx.execute(s -> {
            long created = repo.insertRound(new RoundRow(0, c.id(), 0, checked.title(), checked.opensAt(),
                    checked.closesAt(), checked.timeLimitMinutes(), checked.entriesAllowed(), checked.counts(),
                    checked.prizes(), spec(form), questions.size(), null, null), questions);
            audit.record("CREATE", "contest_round", Long.toString(created), c.unitPath(), checked.title());
            return created;
        });
        return round(roundOf(id));
    }

    /**
     * Changes a round. Once anyone has entered, only its times and texts may change: the questions,
     * time limit, allowance and counting rule are what the entries were made under.
     */
    public Round updateRound(long roundId, RoundForm form) {
        RoundRow r = roundOf(roundId);
        ContestRow c = organised(r.contestId());
        if (r.closedAt() != null) {
            throw new ConflictException("contest.roundClosed");
        }
        RoundRow checked = checkRound(form, r);
        boolean newQuestions = form.draw() != null || form.questionCodes() != null;
        tx.executeWithoutResult(s -> {
            RoundRow locked = repo.lockRound(roundId).orElseThrow();
            if (repo.entryCount(roundId) > 0) {
                List<String> changed = new ArrayList<>();
                if (newQuestions) {
                    changed.add("draw");
                }
                if (checked.timeLimitMinutes() != locked.timeLimitMinutes()) {
                    changed.add("timeLimitMinutes");
                }
                if (checked.entriesAllowed() != locked.entriesAllowed()) {
                    changed.add("entriesAllowed");
                }
                if (checked.counts() != locked.counts()) {
                    changed.add("counts");
                }
                if (checked.prizes() != locked.prizes()) {
                    changed.add("prizes");
                }
                if (!changed.isEmpty()) {
                    throw new ConflictException("contest.roundHasEntries", String.join(", ", changed));
                }
            }
            List<QuestionRow> questions = newQuestions ? draw(form) : null;
            repo.updateRound(new RoundRow(roundId, locked.contestId(), locked.number(), checked.title(),
                    checked.opensAt(), checked.closesAt(), checked.timeLimitMinutes(), checked.entriesAllowed(),
                    checked.counts(), checked.prizes(), newQuestions ? spec(form) : locked.drawSpec(),
                    questions == null ? locked.questionCount() : questions.size(), null, null));
            if (questions != null) {
                repo.replaceQuestions(roundId, questions);
            }
            audit.record("UPDATE", "contest_round", Long.toString(roundId), c.unitPath(), checked.title());
        });
        return round(roundOf(roundId));
    }

    /** The form's values, with the round's current ones where the form leaves a field out (an edit). */
    private RoundRow checkRound(RoundForm f, RoundRow current) {
        if (f == null) {
            throw new BusinessException("contest.field", "title");
        }
        String title = f.title() == null && current != null ? current.title() : required(f.title(), "title");
        Instant opens = f.opensAt() != null ? f.opensAt() : current != null ? current.opensAt() : null;
        Instant closes = f.closesAt() != null ? f.closesAt() : current != null ? current.closesAt() : null;
        if (opens == null) {
            throw new BusinessException("contest.field", "opensAt");
        }
        if (closes == null || !closes.isAfter(opens)) {
            throw new BusinessException("contest.closesBeforeOpens");
        }
        int limit = count(f.timeLimitMinutes(), "timeLimitMinutes", 1, 240,
                current == null ? null : current.timeLimitMinutes());
        int allowed = count(f.entriesAllowed(), "entriesAllowed", 1, 10,
                current == null ? 1 : current.entriesAllowed());
        Counts counts = f.counts() != null ? f.counts() : current != null ? current.counts() : Counts.BEST;
        int prizes = count(f.prizes(), "prizes", 0, 1000, current == null ? 0 : current.prizes());
        if (current == null && (f.draw() == null || f.draw().isEmpty())
                && (f.questionCodes() == null || f.questionCodes().isEmpty())) {
            throw new BusinessException("contest.field", "draw");
        }
        return new RoundRow(0, 0, 0, title, opens, closes, limit, allowed, counts, prizes, null, 0, null, null);
    }

    private static String spec(RoundForm f) {
        List<String> parts = new ArrayList<>();
        if (f.draw() != null) {
            f.draw().forEach(d -> parts.add(d.area() + ":" + (d.difficulty() == null ? "*" : d.difficulty()) + ":" + d.count()));
        }
        if (f.questionCodes() != null && !f.questionCodes().isEmpty()) {
            parts.add("codes:" + String.join(" ", f.questionCodes()));
        }
        String spec = String.join("; ", parts);
        return spec.length() > 2000 ? spec.substring(0, 2000) : spec;
    }

    /**
     * The bank's questions of one framework edition: the current one, unless the bank has not
     * caught up with a newly published framework yet, then the edition most of the bank is in
     * (a round mixes no editions, as an exam does not).
     */
    private List<OpenQuestion> pool() {
        List<OpenQuestion> all = bank.openQuestions(null, null);
        Map<String, List<OpenQuestion>> byVersion = all.stream().collect(Collectors.groupingBy(OpenQuestion::frameworkVersion));
        String current = frameworks.current().version();
        List<OpenQuestion> ofCurrent = byVersion.getOrDefault(current, List.of());
        int most = byVersion.values().stream().mapToInt(List::size).max().orElse(0);
        if (ofCurrent.size() * 2 >= most) {
            return ofCurrent;
        }
        return byVersion.values().stream().max(java.util.Comparator.comparingInt(List::size)).orElse(List.of());
    }

    /** Draws the round's questions: named ones first, then each line at random among the matching questions not yet taken. */
    private List<QuestionRow> draw(RoundForm f) {
        List<OpenQuestion> pool = pool();
        Map<String, OpenQuestion> byCode = pool.stream().collect(Collectors.toMap(OpenQuestion::code, Function.identity(),
                (a, b) -> a));
        List<OpenQuestion> chosen = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        if (f.questionCodes() != null) {
            for (String code : f.questionCodes()) {
                OpenQuestion q = code == null ? null : byCode.get(code.trim());
                if (q == null) {
                    throw new BusinessException("contest.unknownQuestion", String.valueOf(code));
                }
                if (taken.add(q.code())) {
                    chosen.add(q);
                }
            }
        }
        List<String> shortfalls = new ArrayList<>();
        if (f.draw() != null) {
            for (int i = 0; i < f.draw().size(); i++) {
                DrawLine line = f.draw().get(i);
                if (line == null || line.area() == null || line.area().isBlank()) {
                    throw new BusinessException("contest.field", "draw[" + i + "].area");
                }
                if (line.difficulty() != null && (line.difficulty() < 1 || line.difficulty() > 5)) {
                    throw new BusinessException("contest.badDifficulty", "draw[" + i + "].difficulty");
                }
                int n = count(line.count(), "draw[" + i + "].count", 1, MAX_QUESTIONS, null);
                String area = line.area().trim();
                List<OpenQuestion> matching = new ArrayList<>(pool.stream()
                        .filter(q -> !taken.contains(q.code()) && areaOf(q.competency()).equals(area)
                                && (line.difficulty() == null || q.difficulty() == line.difficulty()))
                        .toList());
                if (matching.size() < n) {
                    shortfalls.add(area + (line.difficulty() == null ? "" : "/" + line.difficulty()) + ": "
                            + matching.size() + "/" + n);
                    continue;
                }
                java.util.Collections.shuffle(matching, random);
                for (OpenQuestion q : matching.subList(0, n)) {
                    taken.add(q.code());
                    chosen.add(q);
                }
            }
        }
        if (!shortfalls.isEmpty()) {
            throw new BusinessException("contest.bankShort", String.join("; ", shortfalls));
        }
        if (chosen.isEmpty() || chosen.size() > MAX_QUESTIONS) {
            throw new BusinessException("contest.questionCount", MAX_QUESTIONS);
        }
        List<QuestionRow> out = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            OpenQuestion q = chosen.get(i);
            out.add(new QuestionRow(i + 1, q.code(), q.type().name(), q.prompt(), q.options()));
        }
        return out;
    }

    static String areaOf(String competency) {
        int dot = competency.indexOf('.');
        return dot < 0 ? competency : competency.substring(0, dot);
    }

    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new BusinessException("contest.field", field);
        }
        return vn.binhdan.shared.VietnameseText.clean(value);
    }

    static int count(Integer value, String field, int min, int max, Integer fallback) {
        if (value == null) {
            if (fallback == null) {
                throw new BusinessException("contest.field", field);
            }
            return fallback;
        }
        if (value < min || value > max) {
            throw new BusinessException("contest.range", field, min, max);
        }
        return value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * Records the entries of a round already held elsewhere and scores the round, so that a
     * province moving to the platform keeps its earlier rounds in the final and the leaderboards.
     * System administrators only (it bypasses the entry's own clock), on a round past its close.
     */
    public Round importResults(long roundId, List<PastEntry> past) {
        if (!CurrentUser.require().has(Role.SYSTEM_ADMIN)) {
            throw new ForbiddenException("contest.organiserOnly");
        }
        RoundRow r = roundOf(roundId);
        if (r.closesAt().isAfter(clock.instant())) {
            throw new ConflictException("contest.roundClosed");
        }
        Map<Long, String> paths = new HashMap<>();
        Map<Long, Integer> seqs = new HashMap<>();
        tx.executeWithoutResult(s -> {
            RoundRow locked = repo.lockRound(roundId).orElseThrow();
            if (locked.closedAt() != null) {
                // the scheduler may have scored the round, empty, in the moment since it was set up
                if (repo.entryCount(roundId) > 0) {
                    throw new ConflictException("contest.roundClosed");
                }
                repo.reopen(roundId);
            }
            List<EntryRow> rows = new ArrayList<>();
            for (PastEntry p : past) {
                String path = paths.computeIfAbsent(p.personId(), id -> persons.find(id)
                        .map(PersonDirectory.PersonRef::residenceUnitPath).orElseThrow());
                int seq = seqs.merge(p.personId(), 1, Integer::sum);
                Instant submitted = p.startedAt().plusMillis(p.durationMs());
                rows.add(new EntryRow(java.util.UUID.randomUUID().toString(), roundId, p.personId(), path, seq,
                        random.nextLong(), p.startedAt(), submitted, "SUBMITTED", submitted, p.durationMs(),
                        p.prediction(), Math.max(0, Math.min(p.correct(), r.questionCount())), false, null, null,
                        p.clientIp(), p.device()));
            }
            repo.insertFinished(rows);
            // each person's earliest imported entry is their first in the contest unless they entered before
            Map<Long, EntryRow> earliest = new HashMap<>();
            rows.forEach(e -> earliest.merge(e.personId(), e, (a, b) -> b.startedAt().isBefore(a.startedAt()) ? b : a));
            List<ContestParticipation.Joined> joined = new ArrayList<>();
            for (EntryRow e : earliest.values()) {
                repo.register(locked.contestId(), e.personId(), e.unitPath(), e.startedAt());
                if (repo.firstEntry(locked.contestId(), e.personId(), e.unitPath(), e.startedAt())) {
                    joined.add(ContestParticipation.joined(locked.contestId(), e.unitPath(), e.startedAt()));
                }
            }
            if (!joined.isEmpty()) {
                events.publishEvent(new ContestParticipation("contest-import:" + roundId + ":"
                        + java.util.UUID.randomUUID(), joined));
            }
        });
        score(roundId);
        return round(roundOf(roundId));
    }

    // ---- closing and scoring -------------------------------------------------------------------

    /** Closes a round now (the organiser ends it early, or confirms its close) and scores it. */
    public Round close(long roundId) {
        RoundRow r = roundOf(roundId);
        ContestRow c = organised(r.contestId());
        if (r.closedAt() != null) {
            throw new ConflictException("contest.roundClosed");
        }
        repo.closeNow(roundId, clock.instant());
        score(roundId);
        audit.record("UPDATE", "contest_round", Long.toString(roundId), c.unitPath(), "closed");
        return round(roundOf(roundId));
    }

    /** Scores rounds past their close; whichever instance gets the row lock first does it, the others find it done. */
    @Scheduled(fixedDelayString = "PT20S", initialDelayString = "PT20S")
    public void closeDue() {
        for (long id : repo.dueForClosing(clock.instant())) {
            try {
                SystemUser.run(SystemUser.SYSTEM, () -> score(id));
            } catch (RuntimeException e) {
                log.warn("Round {} could not be scored yet: {}", id, e.toString());
            }
        }
    }

    /** Entries still running are finished as they stand, then the true count, the gaps and the ranks, in one transaction. */
    void score(long roundId) {
        SystemUser.run(SystemUser.SYSTEM, () -> tx.executeWithoutResult(s -> {
            RoundRow r = repo.lockRound(roundId).orElseThrow();
            if (r.closedAt() != null) {
                return;
            }
            for (String id : repo.activeEntries(roundId)) {
                grader.finish(id, null, "TIMED_OUT");
            }
            repo.markClosed(roundId, clock.instant(), rank(roundId, r));
        }));
    }

    /** The counted entries, gaps and ranks written back; the true count returned. */
    private int rank(long roundId, RoundRow r) {
        if (repo.scoresInPlace()) {
            return repo.scoreInPlace(roundId, r.questionCount(), r.counts());
        }
        Scoring.Outcome outcome = Scoring.score(repo.scorable(roundId), r.questionCount(), r.counts());
        repo.score(outcome.scored());
        return outcome.trueCount();
    }

    /** Set by {@link ContestEntries}, which owns grading; a setter keeps the two services free of a constructor cycle. */
    private Grader grader;

    interface Grader {
        void finish(String entryId, Long prediction, String how);
    }

    void useGrader(Grader grader) {
        this.grader = grader;
    }

    // ---- leaderboards ---------------------------------------------------------------------------

    /** The top of a closed round, names masked; before the close nothing, so that answers do not circulate. */
    public List<RankedEntry> ranking(long roundId, int limit) {
        RoundRow r = roundOf(roundId);
        ContestRow c = visible(r.contestId());
        if (r.closedAt() == null) {
            throw new ConflictException("contest.notClosedYet");
        }
        List<EntryRow> rows = repo.ranked(roundId, Math.max(1, Math.min(limit, 500)));
        Map<Long, String> names = new HashMap<>();
        Map<String, String> unitNames = unitNames(rows.stream().map(EntryRow::unitPath).toList(), c);
        List<RankedEntry> out = new ArrayList<>();
        EntryRow above = null;
        // a contestant who refused their name on leaderboards is ranked without one (the page says so)
        java.util.Set<Long> unnamed = consents.withholding(vn.binhdan.shared.privacy.ConsentPurpose.LEADERBOARD_NAME,
                rows.stream().map(EntryRow::personId).toList());
        for (EntryRow e : rows) {
            String name = unnamed.contains(e.personId()) ? null
                    : names.computeIfAbsent(e.personId(), id -> persons.find(id).map(p -> mask(p.fullName())).orElse(""));
            out.add(new RankedEntry(e.rank(), name, unitNames.get(e.unitPath()), e.correct(), r.questionCount(),
                    e.prediction(), e.predictionGap(), e.durationMs(), e.submittedAt(), Scoring.decidedBy(above, e)));
            above = e;
        }
        return out;
    }

    /** The commune (the contest unit's child) each residence path falls in, by name. */
    private Map<String, String> unitNames(List<String> paths, ContestRow c) {
        Map<Long, Unit> children = units.children(c.unitId()).stream().collect(Collectors.toMap(Unit::id, u -> u));
        Map<String, String> out = new HashMap<>();
        for (String path : paths) {
            String name = "";
            for (Unit u : children.values()) {
                if (path.startsWith(u.path())) {
                    name = u.name();
                    break;
                }
            }
            out.put(path, name);
        }
        return out;
    }

    /**
     * Participation per child unit of {@code unitId} (the contest's unit when null), each counting its
     * whole subtree, for a round or (roundId null) the whole contest; live while rounds run.
     */
    public List<UnitStanding> standings(long contestId, Long roundId, Long unitId) {
        ContestRow c = visible(contestId);
        if (roundId != null && roundOf(roundId).contestId() != contestId) {
            throw new NotFoundException("contest.roundNotFound");
        }
        Unit parent = unitId == null ? units.find(c.unitId()).orElseThrow()
                : units.find(unitId).filter(u -> u.path().startsWith(c.unitPath()))
                        .orElseThrow(() -> new NotFoundException("unit.notFound", unitId));
        return standingsUnder(c, roundId, parent);
    }

    private List<UnitStanding> standingsUnder(ContestRow c, Long roundId, Unit parent) {
        Map<String, Long> byPath = repo.participantsByPath(c.id(), roundId);
        Map<String, Long> residents = persons.residentsByPath();
        List<UnitStanding> out = new ArrayList<>();
        for (Unit child : units.children(parent.id())) {
            if (!child.active()) {
                continue;
            }
            long participants = sumUnder(byPath, child.path());
            long inhabitants = sumUnder(residents, child.path());
            if (participants == 0 && inhabitants == 0) {
                continue; // a department or school with no residents of its own
            }
            Double perThousand = inhabitants == 0 ? null : Math.round(participants * 10000.0 / inhabitants) / 10.0;
            boolean hasChildren = residents.keySet().stream().anyMatch(p -> p.startsWith(child.path())
                    && !p.equals(child.path()));
            out.add(new UnitStanding(child.id(), child.name(), hasChildren, participants, inhabitants, perThousand));
        }
        out.sort(Comparator.comparingLong(UnitStanding::participants).reversed().thenComparing(UnitStanding::unitName));
        return out;
    }

    private static long sumUnder(Map<String, Long> byPath, String prefix) {
        long n = 0;
        for (Map.Entry<String, Long> e : byPath.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                n += e.getValue();
            }
        }
        return n;
    }

    /** "Nguyễn Thị Lan" → "Nguyễn T. L.", as the certificate verify page shows a holder. */
    static String mask(String fullName) {
        String[] parts = fullName.trim().split("\\s+");
        if (parts.length == 0 || parts[0].isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            out.append(' ').appendCodePoint(parts[i].codePointAt(0)).append('.');
        }
        return out.toString();
    }

    // ---- fair play ------------------------------------------------------------------------------

    /** The exam engine's integrity signals over one round's finished entries, for its organiser. */
    public List<FairPlayFlag> fairPlay(long roundId) {
        RoundRow r = roundOf(roundId);
        ContestRow c = organised(r.contestId());
        List<EntryRow> finished = repo.entries(roundId).stream().filter(e -> !e.active()).toList();
        Map<String, EntryRow> byId = finished.stream().collect(Collectors.toMap(EntryRow::id, e -> e));
        Map<String, String> unitNames = unitNames(finished.stream().map(EntryRow::unitPath).distinct().toList(), c);
        Map<Long, String> names = new HashMap<>();
        Map<String, String> excluded = repo.exclusions(roundId);
        Function<EntryRow, FairPlayFlag.Flagged> flagged = e -> new FairPlayFlag.Flagged(e.id(),
                names.computeIfAbsent(e.personId(), id -> persons.find(id).map(PersonDirectory.PersonRef::fullName).orElse("")),
                unitNames.get(e.unitPath()), e.correct(), e.submittedAt(), excluded.get(e.id()));
        List<FairPlayFlag> flags = new ArrayList<>();
        shared(finished, EntryRow::device, thresholds.devicePersons(), "SHARED_DEVICE", flagged, flags);
        shared(finished, EntryRow::clientIp, thresholds.addressPersons(), "SHARED_ADDRESS", flagged, flags);
        double readingSeconds = repo.readingChars(roundId) / 6.0 / thresholds.wordsPerMinute() * 60;
        for (EntryRow e : finished) {
            if ("SUBMITTED".equals(e.finishedHow()) && e.correct() != null && e.correct() == r.questionCount()
                    && e.durationMs() != null && e.durationMs() / 1000.0 < readingSeconds) {
                flags.add(new FairPlayFlag("TOO_FAST", e.durationMs() / 1000 + " s / " + Math.round(readingSeconds) + " s",
                        List.of(flagged.apply(e))));
            }
        }
        for (List<String> group : repo.sameWrongAnswers(roundId, thresholds.sameWrongAnswers())) {
            List<EntryRow> rows = group.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
            if (rows.stream().mapToLong(EntryRow::personId).distinct().count() > 1) {
                flags.add(new FairPlayFlag("SAME_ANSWERS", Integer.toString(thresholds.sameWrongAnswers()) + "+",
                        rows.stream().map(flagged).toList()));
            }
        }
        audit.listed("contest-fair-play", Long.toString(roundId), c.unitPath(),
                AuditLog.query("round", roundId, "flags", flags.size()), names.size());
        return flags;
    }

    private static void shared(List<EntryRow> entries, Function<EntryRow, String> key, int threshold, String kind,
                               Function<EntryRow, FairPlayFlag.Flagged> flagged, List<FairPlayFlag> flags) {
        Map<String, List<EntryRow>> byKey = new LinkedHashMap<>();
        entries.stream().filter(e -> key.apply(e) != null)
                .forEach(e -> byKey.computeIfAbsent(key.apply(e), k -> new ArrayList<>()).add(e));
        byKey.forEach((k, list) -> {
            long people = list.stream().mapToLong(EntryRow::personId).distinct().count();
            if (people >= threshold) {
                flags.add(new FairPlayFlag(kind, k + " · " + people, list.stream().map(flagged).toList()));
            }
        });
    }

    /**
     * Excludes an entry the organiser judged not the person's own work, with the reason, before the
     * round's prizes are published. A scored round is scored again without it: the true count,
     * every prediction's distance and the ranks change with it.
     */
    public Round exclude(long roundId, String entryId, String reason) {
        String why = required(reason, "reason");
        if (why.length() > 400) {
            throw new BusinessException("contest.field", "reason");
        }
        return rejudge(roundId, entryId, entry -> {
            if (entry.active()) {
                throw new ConflictException("contest.entryRunning");
            }
            repo.exclude(entry.id(), why);
            return "excluded: " + why;
        });
    }

    /**
     * Takes an exclusion back (the organiser found the signal innocent, e.g. a family sharing one
     * phone), until the round's prizes are published; the round is ranked again with the entry.
     */
    public Round reinstate(long roundId, String entryId) {
        return rejudge(roundId, entryId, entry -> {
            if (repo.exclusions(roundId).get(entry.id()) == null) {
                throw new ConflictException("contest.notExcluded");
            }
            repo.reinstate(entry.id());
            return "reinstated";
        });
    }

    /** Changes an entry's standing and, on a scored round, scores it again: one transaction, before publication. */
    private Round rejudge(long roundId, String entryId, Function<EntryRow, String> change) {
        RoundRow r = roundOf(roundId);
        ContestRow c = organised(r.contestId());
        EntryRow entry = entryId == null ? null : repo.entry(entryId).filter(e -> e.roundId() == roundId).orElse(null);
        if (entry == null) {
            throw new BusinessException("contest.field", "entryId");
        }
        try {
            tx.executeWithoutResult(s -> {
                RoundRow locked = repo.lockRound(roundId).orElseThrow();
                // the publication takes the same lock's round: a list published a moment ago is final
                if (repo.publishedAt(c.id(), roundId).isPresent()) {
                    throw new ConflictException("contest.alreadyPublished");
                }
                String what = change.apply(entry);
                if (locked.closedAt() != null) {
                    repo.setTrueCount(roundId, rank(roundId, locked));
                }
                audit.record("UPDATE", "contest_entry", entryId, entry.unitPath(), what);
            });
        } catch (DuplicateKeyException e) {
            throw new ConflictException("contest.alreadyPublished");
        }
        return round(roundOf(roundId));
    }

    // ---- prize lists ----------------------------------------------------------------------------

    /** A closed round's prize list: the first {@code prizes} counted entries, with full names, for the organiser. */
    public PrizeList roundPrizes(long roundId) {
        RoundRow r = roundOf(roundId);
        ContestRow c = organised(r.contestId());
        if (r.closedAt() == null) {
            throw new ConflictException("contest.notClosedYet");
        }
        List<EntryRow> top = r.prizes() == 0 ? List.of() : repo.ranked(roundId, r.prizes());
        Map<String, String> unitNames = unitNames(top.stream().map(EntryRow::unitPath).toList(), c);
        List<PrizeList.Prize> prizes = new ArrayList<>();
        for (EntryRow e : top) {
            prizes.add(new PrizeList.Prize(e.rank(), persons.find(e.personId()).map(PersonDirectory.PersonRef::fullName)
                    .orElse(""), unitNames.get(e.unitPath()), e.correct(), r.questionCount(), e.predictionGap(),
                    e.durationMs()));
        }
        audit.listed("contest-prizes", Long.toString(roundId), c.unitPath(), AuditLog.query("round", roundId),
                prizes.size());
        return new PrizeList(c.id(), c.title(), roundId, r.title(), repo.publishedAt(c.id(), roundId).orElse(null),
                prizes, List.of());
    }

    /**
     * The final prizes (counted entries of every round added up: right answers, then the summed
     * prediction gaps, then the summed time) and the collective prizes of the contest's units.
     */
    public PrizeList finalPrizes(long contestId) {
        ContestRow c = organised(contestId);
        List<RoundRow> rounds = repo.rounds(contestId);
        if (rounds.isEmpty() || rounds.stream().anyMatch(r -> r.closedAt() == null)) {
            throw new ConflictException("contest.roundsStillOpen");
        }
        Map<Long, long[]> totals = new HashMap<>();
        Map<Long, String> paths = new HashMap<>();
        int questions = 0;
        for (RoundRow r : rounds) {
            questions += r.questionCount();
            for (EntryRow e : repo.ranked(r.id(), Integer.MAX_VALUE)) {
                long[] t = totals.computeIfAbsent(e.personId(), k -> new long[3]);
                t[0] += e.correct();
                t[1] += e.predictionGap() == null ? Integer.MAX_VALUE : e.predictionGap();
                t[2] += e.durationMs();
                paths.put(e.personId(), e.unitPath());
            }
        }
        List<Map.Entry<Long, long[]>> order = new ArrayList<>(totals.entrySet());
        order.sort(Comparator.<Map.Entry<Long, long[]>>comparingLong(e -> -e.getValue()[0])
                .thenComparingLong(e -> e.getValue()[1]).thenComparingLong(e -> e.getValue()[2])
                .thenComparingLong(Map.Entry::getKey));
        Map<String, String> unitNames = unitNames(new ArrayList<>(paths.values()), c);
        List<PrizeList.Prize> people = new ArrayList<>();
        for (int i = 0; i < Math.min(c.finalPrizes(), order.size()); i++) {
            Map.Entry<Long, long[]> e = order.get(i);
            people.add(new PrizeList.Prize(i + 1, persons.find(e.getKey()).map(PersonDirectory.PersonRef::fullName)
                    .orElse(""), unitNames.get(paths.get(e.getKey())), (int) e.getValue()[0], questions,
                    e.getValue()[1], e.getValue()[2]));
        }
        List<UnitStanding> standings = new ArrayList<>(standingsUnder(c, null, units.find(c.unitId()).orElseThrow()));
        if (c.collectiveBasis() == CollectiveBasis.PER_THOUSAND) {
            standings.sort(Comparator.comparingDouble((UnitStanding u) -> u.perThousand() == null ? -1 : u.perThousand())
                    .reversed().thenComparing(UnitStanding::unitName));
        }
        List<UnitStanding> collective = standings.stream().filter(u -> u.participants() > 0)
                .limit(c.collectivePrizes()).toList();
        audit.listed("contest-prizes", Long.toString(contestId), c.unitPath(), AuditLog.query("final", contestId),
                people.size());
        return new PrizeList(c.id(), c.title(), null, null, repo.publishedAt(c.id(), 0).orElse(null), people, collective);
    }

    /** Publishes a prize list once; a second publication, even one racing the first, is refused. */
    public PrizeList publish(long contestId, Long roundId) {
        ContestRow c = organised(contestId);
        PrizeList list = roundId == null ? finalPrizes(contestId) : roundPrizes(roundId);
        if (roundId != null && roundOf(roundId).contestId() != contestId) {
            throw new NotFoundException("contest.roundNotFound");
        }
        if (list.publishedAt() != null) {
            throw new ConflictException("contest.alreadyPublished");
        }
        try {
            tx.executeWithoutResult(s -> {
                if (roundId != null) {
                    // waits for an exclusion re-ranking the round, which checks for a publication under this lock
                    repo.lockRound(roundId);
                }
                repo.publish(contestId, roundId == null ? 0 : roundId, clock.instant(), CurrentUser.require().username());
                audit.record("UPDATE", "contest_prizes", contestId + "/" + (roundId == null ? "final" : roundId),
                        c.unitPath(), "published");
            });
        } catch (DuplicateKeyException e) {
            throw new ConflictException("contest.alreadyPublished");
        }
        return roundId == null ? finalPrizes(contestId) : roundPrizes(roundId);
    }

    Optional<ContestRow> row(long contestId) {
        return repo.contest(contestId);
    }

    ContestRow rowBriefly(long contestId) {
        return repo.contestBriefly(contestId).orElseThrow(() -> new NotFoundException("contest.notFound"));
    }

    Duration sinceOpen(RoundRow r) {
        return Duration.between(r.opensAt(), clock.instant());
    }
}
