package vn.binhdan.contest;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.binhdan.assessment.QuestionBank;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.contest.internal.ContestRepository;
import vn.binhdan.contest.internal.ContestRepository.ContestRow;
import vn.binhdan.contest.internal.ContestRepository.EntryRow;
import vn.binhdan.contest.internal.ContestRepository.QuestionRow;
import vn.binhdan.contest.internal.ContestRepository.RoundRow;
import vn.binhdan.people.PersonDirectory;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.ConflictException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.NotFoundException;

/**
 * Taking part: register once, enter an open round, answer (each answer saved as it is given,
 * against the server's clock), give the prediction and submit. The result comes after the
 * round closes. Every entry of a round has the same questions, in its own order: a start is a
 * single insert, which is what lets a province start a round in the same minute.
 */
@Service
public class ContestEntries implements Contests.Grader {

    /** Answers sent in the last seconds before the deadline may arrive just after it. */
    static final Duration GRACE = Duration.ofSeconds(5);
    public static final long MAX_PREDICTION = 100_000_000L;

    private final ContestRepository repo;
    private final Contests contests;
    private final QuestionBank bank;
    private final PersonDirectory persons;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();
    /** A round's questions cannot change once anyone entered, so each instance may keep them. */
    private final Map<Long, List<QuestionRow>> questions = new ConcurrentHashMap<>();

    public ContestEntries(ContestRepository repo, Contests contests, QuestionBank bank, PersonDirectory persons,
                          AuditLog audit, TransactionTemplate tx, Clock clock, ApplicationEventPublisher events) {
        this.repo = repo;
        this.contests = contests;
        this.bank = bank;
        this.persons = persons;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.events = events;
        contests.useGrader(this);
    }

    private static long contestant() {
        AppUser user = CurrentUser.require();
        if (user.personId() == null) {
            throw new BusinessException("learning.noPerson");
        }
        return user.personId();
    }

    private PersonDirectory.PersonRef resident(long personId, ContestRow c) {
        PersonDirectory.PersonRef p = persons.find(personId).orElseThrow(() -> new BusinessException("learning.noPerson"));
        if (!p.residenceUnitPath().startsWith(c.unitPath())) {
            throw new ForbiddenException("contest.notResident");
        }
        return p;
    }

    /** Registers the signed-in person for a contest; registering again changes nothing. */
    public boolean register(long contestId) {
        long personId = contestant();
        ContestRow c = contests.visible(contestId);
        PersonDirectory.PersonRef p = resident(personId, c);
        try {
            return Boolean.TRUE.equals(tx.execute(s -> repo.register(c.id(), personId, p.residenceUnitPath(),
                    clock.instant())));
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    /** The rounds of the contests the signed-in person may enter, with their entries in each. */
    public List<MyRound> myRounds() {
        AppUser user = CurrentUser.require();
        if (user.personId() == null) {
            return List.of();
        }
        Optional<PersonDirectory.PersonRef> me = persons.find(user.personId());
        if (me.isEmpty()) {
            return List.of();
        }
        List<EntryRow> mine = repo.entriesOfPerson(user.personId());
        List<MyRound> out = new ArrayList<>();
        for (Contest c : contests.listLight()) {
            if (!me.get().residenceUnitPath().startsWith(c.unitPath())) {
                continue;
            }
            boolean registered = repo.registered(c.id(), user.personId());
            for (Round r : c.rounds()) {
                List<EntryRow> entries = mine.stream().filter(e -> e.roundId() == r.id()).toList();
                String active = entries.stream().filter(e -> e.active() && !overdue(e)).map(EntryRow::id).findFirst()
                        .orElse(null);
                String last = entries.isEmpty() ? null : entries.getLast().id();
                out.add(new MyRound(c.id(), c.title(), r.id(), r.title(), r.status(), r.opensAt(), r.closesAt(),
                        r.timeLimitMinutes(), r.questionCount(), entries.size(), r.entriesAllowed(), active, last,
                        registered));
            }
        }
        return out;
    }

    /**
     * Enters an open round. A start while an entry is running gives that entry back (a phone that
     * lost the reply may ask again); beyond the allowance, or outside the round's times by the
     * server's clock, the start is refused.
     */
    public EntryForm start(long roundId, String clientIp, String device) {
        long personId = contestant();
        RoundRow r = contests.roundBriefly(roundId);
        ContestRow c = contests.visibleBriefly(r.contestId());
        PersonDirectory.PersonRef p = resident(personId, c);
        Instant now = clock.instant();
        refuseOutsideTimes(r, now);
        // the rush is people's first entries: try entry number 1 straight away, without reading
        // what they have; the unique key refuses it when they entered before, and then we look
        EntryRow first = newEntry(r, personId, p, 1, now, clientIp, device);
        try {
            if (Boolean.TRUE.equals(tx.execute(s -> insertAndJoin(first, c, p, now)))) {
                remember(first);
                return form(first, r, c, Map.of());
            }
        } catch (DuplicateKeyException enteredBefore) {
            return startAgain(contests.roundOf(roundId), c, p, now, clientIp, device);
        }
        refuseOutsideTimes(contests.roundOf(roundId), now);
        throw new ConflictException("contest.roundOver");
    }

    private static void refuseOutsideTimes(RoundRow r, Instant now) {
        if (now.isBefore(r.opensAt())) {
            throw new ConflictException("contest.notOpenYet");
        }
        if (r.closedAt() != null || !now.isBefore(r.closesAt())) {
            throw new ConflictException("contest.roundOver");
        }
    }

    private EntryRow newEntry(RoundRow r, long personId, PersonDirectory.PersonRef p, int seq, Instant now,
                              String clientIp, String device) {
        Instant limit = now.plus(Duration.ofMinutes(r.timeLimitMinutes()));
        return new EntryRow(UUID.randomUUID().toString(), r.id(), personId, p.residenceUnitPath(), seq,
                random.nextLong(), now, limit.isBefore(r.closesAt()) ? limit : r.closesAt(), null, null, null, null,
                null, false, null, null, clip(clientIp, 45), clip(device, 64));
    }

    /** The entry, the registration and the first participation in one transaction; false if the round is not open. */
    private boolean insertAndJoin(EntryRow entry, ContestRow c, PersonDirectory.PersonRef p, Instant now) {
        if (!repo.insertEntryIfOpen(entry, now)) {
            return false;
        }
        // registered people (most, before round one) are marked in one statement, newcomers in two
        boolean firstInContest = repo.firstEntry(c.id(), entry.personId(), p.residenceUnitPath(), now)
                || repo.registerEntering(c.id(), entry.personId(), p.residenceUnitPath(), now);
        if (firstInContest) {
            events.publishEvent(new ContestParticipation("contest-entry:" + entry.id(),
                    List.of(ContestParticipation.joined(c.id(), p.residenceUnitPath(), now))));
        }
        return true;
    }

    /** A start by someone who entered the round before: their running entry, or the next one if allowed. */
    private EntryForm startAgain(RoundRow r, ContestRow c, PersonDirectory.PersonRef p, Instant now, String clientIp,
                                 String device) {
        refuseOutsideTimes(r, now);
        long personId = p.id();
        List<EntryRow> mine = repo.entriesOf(personId, r.id());
        Optional<EntryRow> running = mine.stream().filter(e -> e.active() && !overdue(e)).findFirst();
        if (running.isPresent()) {
            return form(running.get(), r, c);
        }
        if (mine.size() >= r.entriesAllowed()) {
            throw new ConflictException("contest.noEntriesLeft", r.entriesAllowed());
        }
        EntryRow entry = newEntry(r, personId, p, mine.size() + 1, now, clientIp, device);
        try {
            if (!Boolean.TRUE.equals(tx.execute(s -> insertAndJoin(entry, c, p, now)))) {
                throw new ConflictException("contest.roundOver");
            }
        } catch (DuplicateKeyException raced) {
            // a second start from the same person won the race: hand back what it made
            return repo.entriesOf(personId, r.id()).stream().filter(EntryRow::active).findFirst()
                    .map(e -> form(e, r, c)).orElseThrow(() -> new ConflictException("contest.noEntriesLeft",
                            r.entriesAllowed()));
        }
        remember(entry);
        return form(entry, r, c, Map.of());
    }

    /**
     * Entries as they were started, for the saves and the submit: who owns them, their round,
     * seed and deadline never change, so each instance keeps them rather than reading the row
     * before every answer. Whether one still runs is never taken from here but from the row,
     * in the statement that writes.
     */
    private final Map<String, EntryRow> started = new ConcurrentHashMap<>();

    private void remember(EntryRow e) {
        if (started.size() > 200_000) {
            started.clear();
        }
        started.put(e.id(), e);
    }

    private EntryRow ownStarted(String entryId) {
        long personId = contestant();
        EntryRow e = started.get(entryId);
        if (e == null) {
            e = repo.entry(entryId).orElse(null);
            if (e != null && e.active()) {
                remember(e);
            }
        }
        if (e == null || e.personId() != personId) {
            throw new NotFoundException("contest.entryNotFound");
        }
        return e;
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private EntryRow own(String entryId) {
        long personId = contestant();
        return repo.entry(entryId).filter(e -> e.personId() == personId)
                .orElseThrow(() -> new NotFoundException("contest.entryNotFound"));
    }

    private boolean overdue(EntryRow e) {
        return clock.instant().isAfter(e.deadline().plus(GRACE));
    }

    /** The entry as its contestant sees it; an entry past its time is finished first, with what was saved. */
    public EntryForm form(String entryId) {
        EntryRow e = own(entryId);
        if (e.active() && overdue(e)) {
            finishOwn(entryId, null, "TIMED_OUT");
            e = own(entryId);
        }
        RoundRow r = contests.roundOf(e.roundId());
        return form(e, r, contests.row(r.contestId()).orElseThrow());
    }

    private EntryForm form(EntryRow e, RoundRow r, ContestRow c) {
        return form(e, r, c, repo.answers(e.id()));
    }

    private EntryForm form(EntryRow e, RoundRow r, ContestRow c, Map<Integer, List<Integer>> answers) {
        List<QuestionRow> qs = questionsOf(r.id());
        Order order = Order.of(e.seed(), qs);
        List<EntryForm.Item> items = new ArrayList<>(qs.size());
        for (int shown = 1; shown <= qs.size(); shown++) {
            QuestionRow q = qs.get(order.question(shown) - 1);
            int[] opts = order.options(shown);
            List<String> options = new ArrayList<>(opts.length);
            for (int o : opts) {
                options.add(q.options().get(o));
            }
            List<Integer> choice = new ArrayList<>();
            for (int original : answers.getOrDefault(q.position(), List.of())) {
                for (int i = 0; i < opts.length; i++) {
                    if (opts[i] == original) {
                        choice.add(i);
                    }
                }
            }
            items.add(new EntryForm.Item(shown, q.type(), q.prompt(), options, choice));
        }
        long left = e.active() ? Math.max(0, Duration.between(clock.instant(), e.deadline()).toSeconds()) : 0;
        return new EntryForm(e.id(), r.id(), c.title(), r.title(), e.active(), e.startedAt(), e.deadline(), left,
                e.seq(), r.entriesAllowed(), e.prediction(), items);
    }

    private List<QuestionRow> questionsOf(long roundId) {
        List<QuestionRow> qs = questions.get(roundId);
        if (qs == null) {
            qs = List.copyOf(repo.questions(roundId));
            if (repo.entryCount(roundId) > 0) {
                if (questions.size() > 1000) {
                    questions.clear();
                }
                questions.put(roundId, qs);
            }
        }
        return qs;
    }

    /** What an autosave answers: when it was saved and how long is left. */
    public record Saved(int position, Instant savedAt, long secondsLeft) {
    }

    /** Saves one answer, given as shown option positions (0-based); empty clears it. */
    public Saved save(String entryId, int position, List<Integer> choice) {
        EntryRow e = ownStarted(entryId);
        if (!e.active()) {
            // a submitted entry says so whatever the late answer is: its shuffled order made an invalid
            // choice for the question at that place answer 400 before the 409 it owes
            throw new ConflictException("contest.alreadySubmitted");
        }
        List<QuestionRow> qs = questionsOf(e.roundId());
        if (position < 1 || position > qs.size()) {
            throw new BusinessException("contest.itemNotInEntry", position);
        }
        Order order = Order.of(e.seed(), qs);
        QuestionRow q = qs.get(order.question(position) - 1);
        int[] opts = order.options(position);
        List<Integer> original = new ArrayList<>();
        for (int shown : valid(q, opts.length, choice)) {
            original.add(opts[shown]);
        }
        if (!"ORDERING".equals(q.type())) {
            original.sort(null);
        }
        Instant now = clock.instant();
        boolean saved = repo.savesAtomically()
                ? repo.saveIfOpen(entryId, q.position(), original, now, now.minus(GRACE))
                : Boolean.TRUE.equals(tx.execute(s -> repo.saveIfOpen(entryId, q.position(), original, now,
                        now.minus(GRACE))));
        if (!saved) {
            started.remove(entryId);
            throw new ConflictException(repo.entry(entryId).map(EntryRow::active).orElse(false)
                    ? "contest.timeUp" : "contest.alreadySubmitted");
        }
        return new Saved(position, now, Math.max(0, Duration.between(now, e.deadline()).toSeconds()));
    }

    /** Saves several answers at once (the page posted without JavaScript). */
    public void saveAll(String entryId, Map<Integer, List<Integer>> choices) {
        tx.executeWithoutResult(s -> choices.forEach((position, choice) -> save(entryId, position, choice)));
    }

    private static List<Integer> valid(QuestionRow q, int optionCount, List<Integer> choice) {
        List<Integer> c = choice == null ? List.of() : List.copyOf(choice);
        if (c.isEmpty()) {
            return c;
        }
        if (c.stream().anyMatch(i -> i == null || i < 0 || i >= optionCount) || new HashSet<>(c).size() != c.size()) {
            throw new BusinessException("exam.badChoice", optionCount);
        }
        switch (q.type()) {
            case "SINGLE", "TRUE_FALSE", "PICK_SAFE" -> {
                if (c.size() != 1) {
                    throw new BusinessException("exam.chooseOne");
                }
            }
            case "ORDERING" -> {
                if (c.size() != optionCount) {
                    throw new BusinessException("exam.orderAll", optionCount);
                }
            }
            default -> {
            }
        }
        return c;
    }

    /**
     * Reads a prediction as the contestant typed or sent it: a whole number from 0, nothing else.
     * Accepts what a JSON body or a form field carries (a number or a text).
     */
    public static long prediction(Object raw) {
        if (raw == null || (raw instanceof String s && s.isBlank())) {
            throw new BusinessException("contest.predictionMissing");
        }
        BigDecimal value;
        try {
            value = raw instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(raw.toString().trim());
        } catch (NumberFormatException e) {
            throw new BusinessException("contest.predictionWhole");
        }
        try {
            long v = value.stripTrailingZeros().longValueExact();
            if (v < 0) {
                throw new BusinessException("contest.predictionNegative");
            }
            if (v > MAX_PREDICTION) {
                throw new BusinessException("contest.predictionTooLarge", MAX_PREDICTION);
            }
            return v;
        } catch (ArithmeticException e) {
            throw new BusinessException("contest.predictionWhole");
        }
    }

    /**
     * Submits the entry with its prediction. After the deadline (by the server's clock) the entry
     * is finished with the answers saved in time and without the prediction, and the submit is refused.
     * The form it answers is made from what the grading read under the lock, not read again.
     */
    public EntryForm submit(String entryId, Object rawPrediction) {
        EntryRow e = ownStarted(entryId);
        if (overdue(e)) {
            boolean timedOut = tx.execute(s -> finishLocked(entryId, null, "TIMED_OUT")) != null;
            started.remove(entryId);
            throw new ConflictException(timedOut ? "contest.timeUp" : "contest.alreadySubmitted");
        }
        long prediction = prediction(rawPrediction);
        Finished done = tx.execute(s -> finishLocked(entryId, prediction, "SUBMITTED"));
        started.remove(entryId);
        if (done == null) {
            throw new ConflictException("contest.alreadySubmitted");
        }
        RoundRow r = contests.roundBriefly(e.roundId());
        return form(done.entry(), r, contests.rowBriefly(r.contestId()), done.answers());
    }

    private void finishOwn(String entryId, Long prediction, String how) {
        tx.executeWithoutResult(s -> {
            if (finishLocked(entryId, prediction, how) == null) {
                throw new ConflictException("contest.alreadySubmitted");
            }
        });
    }

    /** Called by the close, inside its transaction. */
    @Override
    public void finish(String entryId, Long prediction, String how) {
        finishLocked(entryId, prediction, how);
    }

    private record Finished(EntryRow entry, Map<Integer, List<Integer>> answers) {
    }

    /** Grades under the entry's row lock; a second finish finds it done, changes nothing and gives null. */
    private Finished finishLocked(String entryId, Long prediction, String how) {
        EntryRow e = repo.lockEntry(entryId).orElseThrow(() -> new NotFoundException("contest.entryNotFound"));
        if (!e.active()) {
            return null;
        }
        List<QuestionRow> qs = questionsOf(e.roundId());
        Map<Integer, List<Integer>> answers = repo.answers(entryId);
        Map<Integer, Boolean> verdicts = new LinkedHashMap<>();
        int correct = 0;
        for (QuestionRow q : qs) {
            List<Integer> a = answers.get(q.position());
            if (a == null) {
                continue;
            }
            boolean right = bank.isRight(q.code(), a);
            verdicts.put(q.position(), right);
            if (right) {
                correct++;
            }
        }
        Instant now = clock.instant();
        Instant at = "TIMED_OUT".equals(how) && now.isAfter(e.deadline()) ? e.deadline() : now;
        long durationMs = Duration.between(e.startedAt(), at).toMillis();
        repo.finish(entryId, how, at, durationMs, prediction, correct, verdicts);
        audit.record("UPDATE", "contest_entry", entryId, e.unitPath(), how);
        return new Finished(new EntryRow(e.id(), e.roundId(), e.personId(), e.unitPath(), e.seq(), e.seed(),
                e.startedAt(), e.deadline(), how, at, durationMs, prediction, correct, e.counted(), e.predictionGap(),
                e.rank(), e.clientIp(), e.device()), answers);
    }

    /** The entry's result, once its round is closed; before, refused so that answers do not circulate. */
    public EntryResult result(String entryId) {
        EntryRow e = own(entryId);
        RoundRow r = contests.roundOf(e.roundId());
        if (r.closedAt() == null) {
            throw new ConflictException("contest.resultAfterClose");
        }
        return new EntryResult(e.id(), r.id(), r.title(), e.finishedHow(), e.correct() == null ? 0 : e.correct(),
                r.questionCount(), e.prediction(), r.trueCount() == null ? 0 : r.trueCount(), e.predictionGap(),
                e.durationMs() == null ? 0 : e.durationMs(), e.submittedAt(), e.counted(), e.rank(),
                repo.rankedCount(r.id()));
    }

    /** One entry's order of questions and of each question's options, derived from its seed. */
    record Order(int[] questions, int[][] options) {

        static Order of(long seed, List<QuestionRow> qs) {
            SplittableRandom r = new SplittableRandom(seed);
            int n = qs.size();
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i + 1;
            }
            shuffle(order, r);
            int[][] options = new int[n][];
            for (int shown = 0; shown < n; shown++) {
                QuestionRow q = qs.get(order[shown] - 1);
                int[] o = new int[q.options().size()];
                for (int i = 0; i < o.length; i++) {
                    o[i] = i;
                }
                // true/false keeps its order: "Đúng" before "Sai" is part of its meaning
                if (!"TRUE_FALSE".equals(q.type())) {
                    shuffle(o, r);
                }
                options[shown] = o;
            }
            return new Order(order, options);
        }

        private static void shuffle(int[] a, SplittableRandom r) {
            for (int i = a.length - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
        }

        int question(int shown) {
            return questions[shown - 1];
        }

        int[] options(int shown) {
            return options[shown - 1];
        }
    }
}
