package vn.binhdan.community;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.community.internal.GuidanceRepository;
import vn.binhdan.community.internal.GuidanceRepository.NewSession;
import vn.binhdan.community.internal.TeamRepository;
import vn.binhdan.people.PersonDirectory;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.Grant;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.shared.Role;
import vn.binhdan.shared.VietnameseText;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.Units;
import vn.binhdan.shared.TextLimits;

/**
 * The guidance log: one help given, recorded in seconds on a phone, often with no signal. An
 * entry carries an id made on the phone, so the same entry synced twice is recorded once; a
 * batch from the phone's queue is checked entry by entry, and a refused entry does not stop the
 * others (it stays on the phone with the reason, to be fixed).
 */
@Service
public class Guidance {

    public static final List<Role> RECORDERS = List.of(Role.TEAM_MEMBER, Role.COMMUNE_OFFICER, Role.AGENCY_OFFICER,
            Role.PROVINCE_ADMIN);
    /** A whole working day; "900 minutes" is a typing slip, not a session. */
    public static final int MAX_MINUTES = 480;
    public static final int MAX_PEOPLE = 100;
    /** A phone may stay offline for weeks; a quarter back is the oldest entry still taken. */
    public static final int MAX_DAYS_BACK = 92;
    public static final int MAX_SYNC = 1000;
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private final GuidanceRepository repo;
    private final TeamRepository teams;
    private final Units units;
    private final PersonDirectory persons;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;
    private volatile Map<String, GuidanceTopic> topics;

    Guidance(GuidanceRepository repo, TeamRepository teams, Units units, PersonDirectory persons, AuditLog audit,
             ApplicationEventPublisher events, MessageSource messages, Clock clock) {
        this.repo = repo;
        this.teams = teams;
        this.units = units;
        this.persons = persons;
        this.audit = audit;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    /** Records one entry; a bad entry is refused with the reason, a repeated one records nothing. */
    @Transactional
    public GuidanceReceipt record(GuidanceEntry entry) {
        AppUser user = requireRecorder();
        Checked c = check(entry, user);
        // the insert itself finds a repeat (its client id is unique): no lookup before it
        return write(List.of(c.session)).getFirst();
    }

    /**
     * Records a phone's queue in one go. Each entry gets its own receipt; the accepted ones are
     * written together, so a sync either lands whole or (on a crash) not at all and is simply
     * sent again.
     */
    @Transactional
    public List<GuidanceReceipt> sync(List<GuidanceEntry> entries) {
        AppUser user = requireRecorder();
        if (entries == null || entries.isEmpty()) {
            return List.of();
        }
        if (entries.size() > MAX_SYNC) {
            throw new BusinessException("guidance.sync.tooMany", MAX_SYNC);
        }
        Locale locale = LocaleContextHolder.getLocale();
        GuidanceReceipt[] receipts = new GuidanceReceipt[entries.size()];
        List<NewSession> accepted = new ArrayList<>();
        List<Integer> acceptedAt = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Checked> checked = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            GuidanceEntry e = entries.get(i);
            try {
                checked.add(check(e, user));
            } catch (BusinessException ex) {
                // a malformed id is not echoed: it matches no entry on the phone and may be anything at all
                String clientId = e == null || e.clientId() == null || !CLIENT_ID.matcher(e.clientId()).matches() ? null
                        : e.clientId();
                receipts[i] = new GuidanceReceipt(clientId, GuidanceReceipt.Status.REJECTED, null,
                        messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(), locale));
                checked.add(null);
            }
        }
        Set<String> ids = new LinkedHashSet<>();
        checked.forEach(c -> {
            if (c != null) {
                ids.add(c.session.clientId());
            }
        });
        Map<String, Long> existing = repo.existing(ids);
        for (int i = 0; i < checked.size(); i++) {
            Checked c = checked.get(i);
            if (c == null) {
                continue;
            }
            String id = c.session.clientId();
            if (existing.containsKey(id) || !seen.add(id)) {
                receipts[i] = new GuidanceReceipt(id, GuidanceReceipt.Status.ALREADY_RECORDED, existing.get(id), null);
            } else {
                accepted.add(c.session);
                acceptedAt.add(i);
            }
        }
        List<GuidanceReceipt> written = write(accepted);
        Map<String, Long> firstIds = new HashMap<>();
        written.forEach(r -> firstIds.put(r.clientId(), r.sessionId()));
        for (int k = 0; k < written.size(); k++) {
            receipts[acceptedAt.get(k)] = written.get(k);
        }
        // a client id repeated inside the batch points at the session its first copy made
        for (int i = 0; i < receipts.length; i++) {
            GuidanceReceipt r = receipts[i];
            if (r.status() == GuidanceReceipt.Status.ALREADY_RECORDED && r.sessionId() == null) {
                receipts[i] = new GuidanceReceipt(r.clientId(), r.status(), firstIds.get(r.clientId()), null);
            }
        }
        return List.of(receipts);
    }

    private List<GuidanceReceipt> write(List<NewSession> sessions) {
        List<GuidanceReceipt> out = new ArrayList<>(sessions.size());
        List<Object[]> people = new ArrayList<>();
        for (NewSession s : sessions) {
            Optional<Long> id = repo.insert(s);
            if (id.isEmpty()) {
                // the same entry arrived through another request a moment ago
                out.add(new GuidanceReceipt(s.clientId(), GuidanceReceipt.Status.ALREADY_RECORDED,
                        repo.existing(List.of(s.clientId())).get(s.clientId()), null));
                continue;
            }
            long sessionId = id.get();
            for (int p = 0; p < s.people().size(); p++) {
                people.add(GuidanceRepository.personRow(sessionId, p, s.people().get(p)));
            }
            audit.record("CREATE", "GUIDANCE", String.valueOf(sessionId), s.unitPath(), null);
            events.publishEvent(new GuidanceRecorded(sessionId, s.unitPath(), s.givenOn(), s.people().size()));
            out.add(new GuidanceReceipt(s.clientId(), GuidanceReceipt.Status.RECORDED, sessionId, null));
        }
        repo.insertPeople(people);
        return out;
    }

    private record Checked(NewSession session) {
    }

    private Checked check(GuidanceEntry e, AppUser user) {
        if (e == null || e.clientId() == null || !CLIENT_ID.matcher(e.clientId()).matches()) {
            throw new BusinessException("guidance.clientId.invalid");
        }
        TextLimits.check(e);
        LocalDate today = LocalDate.now(clock);
        LocalDate day = e.givenOn() == null ? today : e.givenOn();
        if (day.isAfter(today)) {
            throw new BusinessException("guidance.date.future");
        }
        if (day.isBefore(today.minusDays(MAX_DAYS_BACK))) {
            throw new BusinessException("guidance.date.tooOld", MAX_DAYS_BACK);
        }
        if (e.minutes() == null || e.minutes() < 1 || e.minutes() > MAX_MINUTES) {
            throw new BusinessException("guidance.minutes.range", MAX_MINUTES);
        }
        if (e.place() == null) {
            throw new BusinessException("guidance.place.required");
        }
        if (e.outcome() == null) {
            throw new BusinessException("guidance.outcome.required");
        }
        List<String> topicCodes = checkTopics(e.topics());
        if (e.people() == null || e.people().isEmpty()) {
            throw new BusinessException("guidance.people.required");
        }
        if (e.people().size() > MAX_PEOPLE) {
            throw new BusinessException("guidance.people.tooMany", MAX_PEOPLE);
        }
        String note = e.note() == null ? null : VietnameseText.clean(e.note());
        if (note != null && note.length() > 500) {
            throw new BusinessException("guidance.note.tooLong", 500);
        }
        List<String> scopes = user.scopePaths(RECORDERS);
        long unitId;
        String unitPath;
        if (e.unitId() == null) {
            Grant home = homeGrant(user);
            unitId = home.unitId();
            unitPath = home.unitPath();
        } else {
            Unit unit = units.find(e.unitId()).orElseThrow(() -> new NotFoundException("unit.notFound", e.unitId()));
            if (!user.canActOn(unit.path(), RECORDERS)) {
                throw new ForbiddenException("guidance.unit.forbidden", unit.name());
            }
            unitId = unit.id();
            unitPath = unit.path();
        }
        Long teamId = e.teamId() != null ? checkTeam(e.teamId(), unitPath, user) : teams.soleTeamAt(unitId).orElse(null);
        List<GuidanceSession.Person> people = resolve(e.people(), scopes);
        return new Checked(new NewSession(e.clientId(), unitId, unitPath, teamId, day, e.place(), e.minutes(), e.outcome(),
                topicCodes, note == null || note.isBlank() ? null : note, people, user.username(), clock.instant()));
    }

    private List<String> checkTopics(List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            throw new BusinessException("guidance.topics.required");
        }
        Map<String, GuidanceTopic> known = topicMap();
        List<String> out = new ArrayList<>(codes.size());
        for (String code : codes) {
            GuidanceTopic t = known.get(code);
            if (t == null || !t.active()) {
                throw new BusinessException("guidance.topic.unknown", code);
            }
            if (!out.contains(code)) {
                out.add(code);
            }
        }
        return out;
    }

    private Long checkTeam(long teamId, String unitPath, AppUser user) {
        String teamPath = teams.unitPath(teamId).orElseThrow(() -> new NotFoundException("team.notFound", teamId));
        if (!unitPath.startsWith(teamPath) && !user.canActOn(teamPath, RECORDERS)) {
            throw new ForbiddenException("team.forbidden");
        }
        return teamId;
    }

    private List<GuidanceSession.Person> resolve(List<GuidanceEntry.Helped> helped, List<String> scopes) {
        List<GuidanceSession.Person> out = new ArrayList<>(helped.size());
        Set<String> names = new HashSet<>();
        int thisYear = LocalDate.now(clock).getYear();
        for (GuidanceEntry.Helped h : helped) {
            if (h == null) {
                throw new BusinessException("guidance.person.required");
            }
            if (h.personId() == null) {
                String name = h.fullName() == null ? "" : VietnameseText.clean(h.fullName()).trim();
                if (name.length() < 2 || name.length() > 200) {
                    throw new BusinessException("guidance.person.name");
                }
                if (h.birthYear() != null && (h.birthYear() < 1900 || h.birthYear() > thisYear)) {
                    throw new BusinessException("guidance.person.birthYear", h.birthYear());
                }
                if (!h.markedVisitor()) {
                    names.add(VietnameseText.fold(name));
                }
            }
        }
        Map<String, List<PersonDirectory.NameMatch>> matches = new HashMap<>();
        for (PersonDirectory.NameMatch m : persons.matchByName(names, scopes)) {
            matches.computeIfAbsent(m.nameFolded(), k -> new ArrayList<>()).add(m);
        }
        for (GuidanceEntry.Helped h : helped) {
            if (h.personId() != null) {
                // an id is only taken from an in-scope search: one that is unknown or lives elsewhere
                // gets the same answer, so that nobody learns who lives where by trying ids (a
                // visitor from elsewhere is written by name instead)
                PersonDirectory.PersonRef p = persons.find(h.personId())
                        .filter(found -> scopes.stream().anyMatch(found.residenceUnitPath()::startsWith))
                        .orElseThrow(() -> new BusinessException("guidance.person.outside"));
                out.add(new GuidanceSession.Person(p.id(), p.fullName(), null, false));
                continue;
            }
            String name = VietnameseText.clean(h.fullName()).trim();
            List<PersonDirectory.NameMatch> candidates = h.markedVisitor() ? List.of()
                    : matches.getOrDefault(VietnameseText.fold(name), List.of()).stream()
                    .filter(m -> h.birthYear() == null || m.birthYear() == h.birthYear()).toList();
            if (candidates.size() == 1 && h.birthYear() != null) {
                PersonDirectory.NameMatch m = candidates.getFirst();
                out.add(new GuidanceSession.Person(m.id(), m.fullName(), m.birthYear(), false));
            } else {
                out.add(new GuidanceSession.Person(null, name, h.birthYear(), h.markedVisitor()));
            }
        }
        return out;
    }

    /** Withdraws a mistaken entry: the recorder or an officer over its unit; its counts are taken back. */
    @Transactional
    public void withdraw(long sessionId) {
        AppUser user = requireRecorder();
        GuidanceRepository.Stored s = repo.find(sessionId)
                .orElseThrow(() -> new NotFoundException("guidance.notFound", sessionId));
        boolean own = s.recordedBy().equals(user.username()) && user.canActOn(s.unitPath(), RECORDERS);
        boolean officer = user.canActOn(s.unitPath(), Role.COMMUNE_OFFICER, Role.PROVINCE_ADMIN);
        if (!own && !officer) {
            throw new ForbiddenException("guidance.forbidden");
        }
        if (s.withdrawn() || !repo.withdraw(sessionId, user.username(), clock.instant())) {
            return;
        }
        audit.record("DELETE", "GUIDANCE", String.valueOf(sessionId), s.unitPath(), null);
        events.publishEvent(new GuidanceWithdrawn(sessionId, s.unitPath(), s.givenOn(), s.people()));
    }

    /** Sessions in the user's area (or under {@code unitId}) for a month, newest first. */
    @Transactional(readOnly = true)
    public List<GuidanceSession> list(Long unitId, YearMonth month, boolean mineOnly, int limit) {
        AppUser user = requireRecorder();
        String path = withinPath(unitId, user);
        YearMonth m = month == null ? YearMonth.now(clock) : month;
        List<GuidanceSession> sessions = repo.list(path, null, mineOnly ? user.username() : null, m.atDay(1),
                m.atEndOfMonth(), Math.max(1, Math.min(limit, 500)));
        audit.listed("guidance-log", null, path,
                AuditLog.query("unitId", unitId, "month", m, "mine", mineOnly, "limit", limit), peopleIn(sessions));
        return sessions;
    }

    /** The people named in sessions, each once however often they were helped. */
    static int peopleIn(List<GuidanceSession> sessions) {
        return (int) sessions.stream().flatMap(s -> s.people().stream())
                .map(p -> p.personId() != null ? "id:" + p.personId() : "name:" + p.fullName() + "/" + p.birthYear())
                .distinct().count();
    }

    /** Totals for the user's area (or under {@code unitId}) in a month. */
    @Transactional(readOnly = true)
    public GuidanceActivity activity(Long unitId, YearMonth month) {
        AppUser user = requireRecorder();
        YearMonth m = month == null ? YearMonth.now(clock) : month;
        return repo.activity(withinPath(unitId, user), null, m.atDay(1), m.atEndOfMonth());
    }

    private String withinPath(Long unitId, AppUser user) {
        if (unitId == null) {
            return homeGrant(user).unitPath();
        }
        Unit unit = units.find(unitId).orElseThrow(() -> new NotFoundException("unit.notFound", unitId));
        if (!user.canActOn(unit.path(), RECORDERS)) {
            throw new ForbiddenException("guidance.unit.forbidden", unit.name());
        }
        return unit.path();
    }

    /** People helped in the area who are not in the registry, for the commune to register. */
    @Transactional(readOnly = true)
    public List<UnregisteredPerson> unregistered(Long unitId) {
        AppUser user = requireRecorder();
        String path = withinPath(unitId, user);
        List<UnregisteredPerson> people = repo.unregistered(path, 500);
        audit.listed("guidance-unregistered", null, path, AuditLog.query("unitId", unitId), people.size());
        return people;
    }

    public List<GuidanceTopic> topics() {
        return List.copyOf(topicMap().values());
    }

    /** Adds or changes a topic (provincial administrators); retired topics stay on old entries. */
    @Transactional
    public GuidanceTopic saveTopic(GuidanceTopic topic) {
        AppUser user = CurrentUser.require();
        if (!user.has(Role.PROVINCE_ADMIN) && !user.has(Role.SYSTEM_ADMIN)) {
            throw new ForbiddenException("guidance.topic.forbidden");
        }
        if (topic.code() == null || !topic.code().matches("[A-Z0-9_]{2,40}")) {
            throw new BusinessException("guidance.topic.code");
        }
        if (topic.nameVi() == null || topic.nameVi().isBlank()) {
            throw new BusinessException("guidance.topic.name");
        }
        GuidanceTopic clean = new GuidanceTopic(topic.code(), VietnameseText.clean(topic.nameVi()).trim(),
                topic.nameEn() == null || topic.nameEn().isBlank() ? topic.nameVi().trim() : topic.nameEn().trim(),
                topic.sortOrder(), topic.active());
        repo.saveTopic(clean);
        audit.record("UPDATE", "GUIDANCE_TOPIC", clean.code(), null, clean.nameVi() + (clean.active() ? "" : " (ngừng)"));
        topics = null;
        return clean;
    }

    private Map<String, GuidanceTopic> topicMap() {
        Map<String, GuidanceTopic> t = topics;
        if (t == null) {
            Map<String, GuidanceTopic> loaded = new java.util.LinkedHashMap<>();
            repo.topics().forEach(x -> loaded.put(x.code(), x));
            topics = t = loaded;
        }
        return t;
    }

    /** The unit an entry counts at when the recorder names none: the deepest unit of their recording grants. */
    static Grant homeGrant(AppUser user) {
        return user.grants().stream()
                .filter(g -> RECORDERS.contains(g.role()) || g.role() == Role.SYSTEM_ADMIN)
                .max(java.util.Comparator.comparingInt((Grant g) -> g.unitPath().length()))
                .orElseThrow(() -> new ForbiddenException("guidance.forbidden"));
    }

    private static AppUser requireRecorder() {
        AppUser user = CurrentUser.require();
        if (user.scopePaths(RECORDERS).isEmpty()) {
            throw new ForbiddenException("guidance.forbidden");
        }
        return user;
    }
}
