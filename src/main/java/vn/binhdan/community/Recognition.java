package vn.binhdan.community;

import vn.binhdan.shared.privacy.ConsentPurpose;
import vn.binhdan.shared.privacy.Consents;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.community.internal.EvidenceTypes;
import vn.binhdan.community.internal.NominationRepository;
import vn.binhdan.community.internal.NominationRepository.Row;
import vn.binhdan.community.internal.RecognitionCriteria;
import vn.binhdan.people.PersonDirectory;
import vn.binhdan.people.PersonDirectory.PersonRef;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.ConflictException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.shared.Role;
import vn.binhdan.shared.VietnameseText;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.UnitType;
import vn.binhdan.unit.Units;
import vn.binhdan.shared.TextLimits;

/**
 * Model citizens and villages: nominated with evidence and ticked criteria, approved by the
 * commune, then by the province, which publishes the recognition and counts it; either level may
 * return it with a comment. Nobody decides on a nomination they submitted. Each state change
 * happens only from the state it expects, so an approval clicked twice counts once.
 */
@Service
@Transactional(readOnly = true)
public class Recognition {

    static final Set<Role> NOMINATORS = EnumSet.of(Role.TEAM_MEMBER, Role.COMMUNE_OFFICER, Role.PROVINCE_ADMIN);
    static final Set<Role> COMMUNE_DECIDERS = EnumSet.of(Role.COMMUNE_OFFICER, Role.PROVINCE_ADMIN);
    static final Set<Role> PROVINCE_DECIDERS = EnumSet.of(Role.PROVINCE_ADMIN);
    /** Evidence is photos and scanned papers: a phone photo fits. */
    public static final int MAX_FILE_BYTES = 5 * 1024 * 1024;
    static final int MAX_EVIDENCE_ITEMS = 20;

    private final NominationRepository repo;
    private final RecognitionCriteria criteria;
    private final PersonDirectory persons;
    private final Units units;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Consents consents;

    public Recognition(NominationRepository repo, RecognitionCriteria criteria, PersonDirectory persons, Units units,
                       AuditLog audit, ApplicationEventPublisher events, Clock clock, Consents consents) {
        this.consents = consents;
        this.repo = repo;
        this.criteria = criteria;
        this.persons = persons;
        this.units = units;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public List<Criterion> criteria() {
        return criteria.all();
    }

    /** The villages the user may nominate. */
    public List<Unit> villages() {
        AppUser user = requireNominator();
        Map<Long, Unit> out = new LinkedHashMap<>();
        List<Unit> roots = user.has(Role.SYSTEM_ADMIN) ? units.roots() : units.findByIds(user.grants().stream()
                .filter(g -> NOMINATORS.contains(g.role())).map(g -> g.unitId()).distinct().toList());
        for (Unit r : roots) {
            units.subtree(r).stream().filter(u -> u.type() == UnitType.VILLAGE && u.active())
                    .forEach(u -> out.putIfAbsent(u.id(), u));
        }
        return List.copyOf(out.values());
    }

    public List<Nomination> list() {
        AppUser user = requireNominator();
        Map<Long, Nomination> out = new LinkedHashMap<>();
        for (String path : user.scopePaths(NOMINATORS)) {
            repo.within(path).forEach(r -> out.putIfAbsent(r.id(), nomination(r, user, false)));
        }
        List<Nomination> list = out.values().stream().sorted((a, b) -> Long.compare(b.id(), a.id())).toList();
        List<String> scopes = user.scopePaths(NOMINATORS);
        // villages are nominated too: only citizens are persons
        audit.listed("nominations", null, scopes.size() == 1 ? scopes.getFirst() : null, AuditLog.query(),
                (int) list.stream().filter(n -> n.personId() != null).count());
        return list;
    }

    public Nomination get(long id) {
        AppUser user = requireNominator();
        return nomination(visible(id, user), user, true);
    }

    /** Published recognitions for everyone: the nominee's name and unit, nothing more. */
    public List<Recognised> published() {
        List<Recognised> out = new ArrayList<>();
        List<Row> rows = repo.published();
        // a person who withdrew consent to the public list leaves it at once; the recognition still counts
        java.util.Set<Long> hidden = consents.withholding(ConsentPurpose.PUBLIC_MODEL_LIST,
                rows.stream().map(Row::personId).filter(java.util.Objects::nonNull).toList());
        for (Row r : rows) {
            if (r.personId() != null && hidden.contains(r.personId())) {
                continue;
            }
            String unitName = r.kind() == NominationKind.CITIZEN
                    ? r.unitName() + withParent(r.unitId())
                    : repo.unitNameOfParent(r.unitId());
            out.add(new Recognised(r.kind(), r.nomineeName(), unitName, r.recognisedOn()));
        }
        return out;
    }

    private String withParent(long unitId) {
        String parent = repo.unitNameOfParent(unitId);
        return parent == null ? "" : ", " + parent;
    }

    @Transactional
    public Nomination create(NominationDraft draft) {
        TextLimits.check(draft);
        AppUser user = requireNominator();
        if (draft == null || draft.kind() == null) {
            throw new BusinessException("recognition.kindRequired");
        }
        long unitId;
        String path;
        Long personId = null;
        if (draft.kind() == NominationKind.CITIZEN) {
            if (draft.personId() == null) {
                throw new BusinessException("recognition.nomineeRequired");
            }
            PersonRef p = persons.find(draft.personId())
                    .orElseThrow(() -> new NotFoundException("cascade.personNotFound"));
            personId = p.id();
            unitId = p.residenceUnitId();
            path = p.residenceUnitPath();
        } else {
            Unit village = draft.unitId() == null ? null : units.find(draft.unitId()).orElse(null);
            if (village == null || village.type() != UnitType.VILLAGE) {
                throw new BusinessException("recognition.villageRequired");
            }
            unitId = village.id();
            path = village.path();
        }
        if (!user.canActOn(path, NOMINATORS)) {
            throw new ForbiddenException("recognition.forbidden");
        }
        String text = evidenceText(draft.evidenceText());
        List<String> links = links(draft.links());
        String ticked = ticked(draft.kind(), draft.criteria());
        Instant now = clock.instant();
        long id = repo.insert(draft.kind(), personId, unitId, text, ticked, user.username(), now);
        for (String l : links) {
            repo.addLink(id, l, user.username(), now);
        }
        repo.history(id, "CREATED", user.username(), now, null);
        audit.record("CREATE", "nomination", Long.toString(id), path, draft.kind().name());
        return get(id);
    }

    @Transactional
    public Nomination update(long id, NominationDraft draft) {
        TextLimits.check(draft);
        AppUser user = requireNominator();
        Row row = editable(id, user);
        if (draft == null) {
            throw new BusinessException("recognition.evidenceRequired");
        }
        String text = evidenceText(draft.evidenceText());
        List<String> links = links(draft.links());
        repo.update(id, text, ticked(row.kind(), draft.criteria()));
        Instant now = clock.instant();
        for (String l : links) {
            repo.addLink(id, l, user.username(), now);
        }
        audit.record("UPDATE", "nomination", Long.toString(id), row.unitPath(), null);
        return get(id);
    }

    @Transactional
    public Nomination.Evidence addLink(long id, String url) {
        AppUser user = requireNominator();
        Row row = editable(id, user);
        String link = links(List.of(url == null ? "" : url)).stream().findFirst()
                .orElseThrow(() -> new BusinessException("recognition.badLink"));
        tooMany(id);
        long eid = repo.addLink(id, link, user.username(), clock.instant());
        audit.record("EVIDENCE", "nomination", Long.toString(id), row.unitPath(), link);
        return repo.evidence(id).stream().filter(e -> e.id() == eid).findFirst().orElseThrow();
    }

    @Transactional
    public Nomination.Evidence addFile(long id, String fileName, byte[] content) {
        AppUser user = requireNominator();
        Row row = editable(id, user);
        if (content == null || content.length == 0) {
            throw new BusinessException("recognition.emptyFile");
        }
        if (content.length > MAX_FILE_BYTES) {
            throw new BusinessException("recognition.fileTooLarge", MAX_FILE_BYTES / (1024 * 1024));
        }
        String type = EvidenceTypes.mediaType(content).orElseThrow(() -> new BusinessException("recognition.fileType"));
        String name = VietnameseText.clean(fileName);
        name = name == null ? "minh-chung" : name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        tooMany(id);
        long eid = repo.addFile(id, name, type, content, user.username(), clock.instant());
        audit.record("EVIDENCE", "nomination", Long.toString(id), row.unitPath(), name);
        return repo.evidence(id).stream().filter(e -> e.id() == eid).findFirst().orElseThrow();
    }

    public EvidenceFile file(long id, long evidenceId) {
        AppUser user = requireNominator();
        visible(id, user);
        return repo.file(id, evidenceId).orElseThrow(() -> new NotFoundException("recognition.evidenceNotFound"));
    }

    @Transactional
    public Nomination submit(long id) {
        AppUser user = requireNominator();
        Row row = editable(id, user);
        if (row.evidenceText() == null || row.evidenceText().isBlank() || repo.evidence(id).isEmpty()) {
            throw new BusinessException("recognition.evidenceRequired");
        }
        if (row.criteria().isBlank()) {
            throw new BusinessException("recognition.criteriaRequired");
        }
        Instant now = clock.instant();
        if (!repo.submit(id, user.username(), now)) {
            throw new ConflictException("recognition.notEditable");
        }
        repo.history(id, "SUBMITTED", user.username(), now, null);
        audit.record("SUBMIT", "nomination", Long.toString(id), row.unitPath(), null);
        return get(id);
    }

    /** Approves at the level the nomination waits at: the commune's, then the province's, which publishes it. */
    @Transactional
    public Nomination approve(long id) {
        AppUser user = requireNominator();
        Row row = visible(id, user);
        Instant now = clock.instant();
        switch (row.status()) {
            case SUBMITTED -> {
                decider(row, user, COMMUNE_DECIDERS);
                if (!repo.approveCommune(id, user.username(), now)) {
                    throw new ConflictException("recognition.alreadyDecided");
                }
                repo.history(id, "COMMUNE_APPROVED", user.username(), now, null);
                audit.record("APPROVE_COMMUNE", "nomination", Long.toString(id), row.unitPath(), null);
            }
            case COMMUNE_APPROVED -> {
                decider(row, user, PROVINCE_DECIDERS);
                LocalDate today = LocalDate.now(clock);
                if (!repo.publish(id, user.username(), now, row.unitPath(), today)) {
                    throw new ConflictException("recognition.alreadyDecided");
                }
                repo.history(id, "PUBLISHED", user.username(), now, null);
                audit.record("APPROVE_PROVINCE", "nomination", Long.toString(id), row.unitPath(), null);
                events.publishEvent(new ModelRecognised("model-recognised:" + id, id, row.kind(), row.unitPath(), today, 1));
            }
            case PUBLISHED -> throw new ConflictException("recognition.alreadyApproved");
            default -> throw new ConflictException("recognition.notSubmitted");
        }
        return get(id);
    }

    @Transactional
    public Nomination returnTo(long id, String comment) {
        AppUser user = requireNominator();
        Row row = visible(id, user);
        String c = VietnameseText.clean(comment);
        if (c == null) {
            throw new BusinessException("recognition.commentRequired");
        }
        if (c.length() > 2000) {
            throw new BusinessException("cascade.tooLong", 2000);
        }
        switch (row.status()) {
            case SUBMITTED -> decider(row, user, COMMUNE_DECIDERS);
            case COMMUNE_APPROVED -> decider(row, user, PROVINCE_DECIDERS);
            default -> throw new ConflictException("recognition.notSubmitted");
        }
        if (!repo.returnTo(id, row.status(), c)) {
            throw new ConflictException("recognition.alreadyDecided");
        }
        Instant now = clock.instant();
        repo.history(id, "RETURNED", user.username(), now, c);
        audit.record("RETURN", "nomination", Long.toString(id), row.unitPath(), c);
        return get(id);
    }

    /** Takes a published recognition back: it stops counting from today, under an event of its own. */
    @Transactional
    public Nomination withdraw(long id, String reason) {
        AppUser user = requireNominator();
        Row row = visible(id, user);
        if (!user.canActOn(row.unitPath(), PROVINCE_DECIDERS)) {
            throw new ForbiddenException("recognition.forbidden");
        }
        String r = VietnameseText.clean(reason);
        if (r == null) {
            throw new BusinessException("recognition.reasonRequired");
        }
        if (r.length() > 2000) {
            throw new BusinessException("cascade.tooLong", 2000);
        }
        LocalDate today = LocalDate.now(clock);
        if (row.status() != NominationStatus.PUBLISHED || !repo.withdraw(id, user.username(), today, r)) {
            throw new ConflictException("recognition.notPublished");
        }
        Instant now = clock.instant();
        repo.history(id, "WITHDRAWN", user.username(), now, r);
        audit.record("WITHDRAW", "nomination", Long.toString(id), row.countedPath(), r);
        events.publishEvent(new ModelRecognised("model-withdrawn:" + id, id, row.kind(), row.countedPath(), today, -1));
        return get(id);
    }

    // ---------------------------------------------------------------- helpers

    private void decider(Row row, AppUser user, Set<Role> roles) {
        if (!user.canActOn(row.unitPath(), roles)) {
            throw new ForbiddenException("recognition.forbidden");
        }
        if (user.username().equals(row.submittedBy())) {
            throw new ForbiddenException("recognition.ownNomination");
        }
    }

    private Row visible(long id, AppUser user) {
        Row row = repo.find(id).orElseThrow(() -> new NotFoundException("recognition.notFound"));
        if (!user.canActOn(row.unitPath(), NOMINATORS)) {
            throw new NotFoundException("recognition.notFound");
        }
        return row;
    }

    private Row editable(long id, AppUser user) {
        Row row = visible(id, user);
        if (!row.status().editable()) {
            throw new ConflictException("recognition.notEditable");
        }
        return row;
    }

    private void tooMany(long id) {
        if (repo.evidence(id).size() >= MAX_EVIDENCE_ITEMS) {
            throw new BusinessException("recognition.tooMuchEvidence", MAX_EVIDENCE_ITEMS);
        }
    }

    private static String evidenceText(String text) {
        String t = VietnameseText.clean(text);
        if (t == null) {
            throw new BusinessException("recognition.evidenceRequired");
        }
        if (t.length() > 4000) {
            throw new BusinessException("cascade.tooLong", 4000);
        }
        return t;
    }

    private static List<String> links(List<String> links) {
        List<String> out = new ArrayList<>();
        for (String l : links == null ? List.<String>of() : links) {
            String s = l == null ? "" : l.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (s.length() > 1000 || !(s.startsWith("https://") || s.startsWith("http://")) || s.contains(" ")) {
                throw new BusinessException("recognition.badLink");
            }
            out.add(s);
        }
        if (out.size() > MAX_EVIDENCE_ITEMS) {
            throw new BusinessException("recognition.tooMuchEvidence", MAX_EVIDENCE_ITEMS);
        }
        return out;
    }

    private String ticked(NominationKind kind, List<String> ticked) {
        Set<String> known = new LinkedHashSet<>();
        criteria.of(kind).forEach(c -> known.add(c.code()));
        Set<String> out = new LinkedHashSet<>();
        for (String c : ticked == null ? List.<String>of() : ticked) {
            if (c == null || c.isBlank()) {
                continue;
            }
            if (!known.contains(c.strip())) {
                throw new BusinessException("recognition.unknownCriterion", c);
            }
            out.add(c.strip());
        }
        // kept in the file's order, so that two nominations with the same ticks read the same
        return String.join(",", known.stream().filter(out::contains).toList());
    }

    private Nomination nomination(Row r, AppUser user, boolean full) {
        boolean nominator = user.canActOn(r.unitPath(), NOMINATORS);
        boolean own = user.username().equals(r.submittedBy());
        boolean approve = switch (r.status()) {
            case SUBMITTED -> user.canActOn(r.unitPath(), COMMUNE_DECIDERS) && !own;
            case COMMUNE_APPROVED -> user.canActOn(r.unitPath(), PROVINCE_DECIDERS) && !own;
            default -> false;
        };
        var actions = new Nomination.Actions(nominator && r.status().editable(), nominator && r.status().editable(),
                approve, approve, r.status() == NominationStatus.PUBLISHED && user.canActOn(r.unitPath(), PROVINCE_DECIDERS));
        List<String> ticked = r.criteria().isBlank() ? List.of() : Arrays.asList(r.criteria().split(","));
        return new Nomination(r.id(), r.kind(), r.personId(), r.nomineeName(), r.unitId(), r.unitName(), r.evidenceText(),
                ticked, r.status(), r.createdBy(), r.submittedBy(), r.submittedAt(), r.communeBy(), r.provinceBy(),
                r.recognisedOn(), r.returnComment(), r.withdrawnOn(), full ? repo.evidence(r.id()) : List.of(),
                full ? repo.history(r.id()) : List.of(), actions);
    }

    private static AppUser requireNominator() {
        AppUser user = CurrentUser.require();
        if (NOMINATORS.stream().noneMatch(user::has) && !user.has(Role.SYSTEM_ADMIN)) {
            throw new ForbiddenException("recognition.forbidden");
        }
        return user;
    }
}
