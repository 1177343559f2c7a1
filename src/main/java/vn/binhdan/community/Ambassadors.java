package vn.binhdan.community;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.certification.CertificateIssued;
import vn.binhdan.certification.Certificates;
import vn.binhdan.community.Cascade.Generation;
import vn.binhdan.community.Cascade.Node;
import vn.binhdan.community.Cascade.StuckGuide;
import vn.binhdan.community.Cascade.StuckReason;
import vn.binhdan.community.internal.AmbassadorRepository;
import vn.binhdan.community.internal.AmbassadorRepository.EligibilityRow;
import vn.binhdan.community.internal.AmbassadorRepository.LinkRow;
import vn.binhdan.learning.CourseCompleted;
import vn.binhdan.people.PersonDirectory;
import vn.binhdan.people.PersonDirectory.PersonRef;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.ConflictException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.shared.Role;

/**
 * Digital ambassadors ("Đại sứ số"): a guide takes up to five learners, each learner has one
 * guide, and a learner who finished the basic course or was certified guides five more. Anyone
 * may start a cascade; inside one, only those who completed take learners of their own, so the
 * tree grows from people who actually learned. A cascade belongs to the unit its first guide
 * lives in; people of it outside the reader's scope are shown without their name.
 */
@Service
@Transactional(readOnly = true)
public class Ambassadors {

    static final Set<Role> FIELD = EnumSet.of(Role.TEAM_MEMBER, Role.COMMUNE_OFFICER, Role.PROVINCE_ADMIN);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final AmbassadorRepository repo;
    private final PersonDirectory persons;
    private final Certificates certificates;
    private final CascadeProperties props;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate separate;

    public Ambassadors(AmbassadorRepository repo, PersonDirectory persons, Certificates certificates,
                       CascadeProperties props, AuditLog audit, ApplicationEventPublisher events, Clock clock,
                       PlatformTransactionManager transactions) {
        this.repo = repo;
        this.persons = persons;
        this.certificates = certificates;
        this.props = props;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    public int learnersPerGuide() {
        return props.learnersPerGuide();
    }

    // ---------------------------------------------------------------- linking

    @Transactional
    public AmbassadorLink link(Long guideId, Long learnerId, LocalDate linkedOn) {
        AppUser user = requireField();
        if (guideId == null || learnerId == null) {
            throw new BusinessException("cascade.personRequired");
        }
        if (guideId.equals(learnerId)) {
            throw new BusinessException("cascade.selfGuide");
        }
        PersonRef guide = person(guideId);
        PersonRef learner = person(learnerId);
        if (!user.canActOn(guide.residenceUnitPath(), FIELD) || !user.canActOn(learner.residenceUnitPath(), FIELD)) {
            throw new ForbiddenException("cascade.forbidden");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate on = linkedOn == null ? today : linkedOn;
        if (on.isAfter(today)) {
            throw new BusinessException("cascade.futureDate");
        }
        var current = repo.guideOf(learnerId);
        if (current.isPresent()) {
            PersonRef guideNow = person(current.get());
            // the present guide may live in another commune: named only to those who may see them
            if (user.canActOn(guideNow.residenceUnitPath(), FIELD)) {
                throw new ConflictException("cascade.alreadyGuided", learner.fullName(), guideNow.fullName());
            }
            throw new ConflictException("cascade.alreadyGuidedElsewhere", learner.fullName());
        }
        // walking up from the guide must never meet the learner: that would close a circle
        Long up = guideId;
        Set<Long> seen = new HashSet<>();
        while (up != null && seen.add(up)) {
            if (up.equals(learnerId)) {
                throw new BusinessException("cascade.cycle", learner.fullName(), guide.fullName());
            }
            up = repo.guideOf(up).orElse(null);
        }
        if (repo.guideOf(guideId).isPresent() && !completed(guideId)) {
            throw new BusinessException("cascade.notEligible", guide.fullName());
        }
        int max = props.learnersPerGuide();
        if (repo.learnerCount(guideId) >= max) {
            throw new BusinessException("cascade.full", guide.fullName(), max);
        }
        repo.insertLink(learnerId, guideId, on, user.username(), clock.instant());
        // two officers adding the fifth learner at once: the later transaction sees six and undoes itself
        int count = repo.learnerCount(guideId);
        if (count > max) {
            throw new BusinessException("cascade.full", guide.fullName(), max);
        }
        audit.record("LINK", "ambassador", guideId + ">" + learnerId, learner.residenceUnitPath(),
                guide.fullName() + " hướng dẫn " + learner.fullName());
        events.publishEvent(new AmbassadorLinked("ambassador-linked:" + learnerId, guideId, learnerId,
                learner.residenceUnitPath(), on));
        return new AmbassadorLink(guideId, guide.fullName(), learnerId, learner.fullName(), on, count);
    }

    private boolean completed(long personId) {
        return !repo.eligibility(List.of(personId)).isEmpty() || !certificates.certifiedAmong(List.of(personId)).isEmpty();
    }

    // ---------------------------------------------------------------- completion

    /** A completion made elsewhere (a class on paper, another platform), recorded by an officer with its date. */
    @Transactional
    public Eligibility recordCompletion(Long personId, LocalDate completedOn) {
        AppUser user = requireField();
        if (personId == null) {
            throw new BusinessException("cascade.personRequired");
        }
        PersonRef p = person(personId);
        if (!user.canActOn(p.residenceUnitPath(), FIELD)) {
            throw new ForbiddenException("cascade.forbidden");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate on = completedOn == null ? today : completedOn;
        if (on.isAfter(today)) {
            throw new BusinessException("cascade.futureDate");
        }
        if (repo.markEligible(personId, on, "DECLARED", null, user.username(), clock.instant())) {
            audit.record("COMPLETION", "ambassador", Long.toString(personId), p.residenceUnitPath(),
                    p.fullName() + " hoàn thành " + on);
        }
        EligibilityRow row = repo.eligibility(List.of(personId)).get(personId);
        return new Eligibility(personId, row.eligibleOn(), row.reason());
    }

    /*
     * Completions are remembered after the learning or certification transaction has committed,
     * in a transaction of their own: nothing here may ever undo a learner's completion or a
     * certificate. Certifications declared in bulk are not listened to: whoever is certified
     * counts as completed when the tree is read, dated by their first learner.
     */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void onCourseCompleted(CourseCompleted e) {
        if (props.basicCourses().contains(e.courseCode())) {
            remember(e.personId(), LocalDate.ofInstant(e.occurredAt(), VIETNAM), "COURSE", e.courseCode());
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void onCertified(CertificateIssued e) {
        remember(e.personId(), LocalDate.ofInstant(e.issuedAt(), VIETNAM), "CERTIFIED", e.certificateId());
    }

    private void remember(long personId, LocalDate on, String reason, String ref) {
        try {
            separate.executeWithoutResult(s -> repo.markEligible(personId, on, reason, ref, "system", clock.instant()));
        } catch (DataIntegrityViolationException raced) {
            // the same person completed twice at the same moment: the other transaction kept the first date
        }
    }

    // ---------------------------------------------------------------- reading

    /** The cascades whose first guide lives in the user's scope, largest first. */
    public List<CascadeSummary> list() {
        AppUser user = requireField();
        Forest f = forest();
        List<CascadeSummary> out = new ArrayList<>();
        for (Long root : f.roots) {
            LinkRow first = f.children.get(root).getFirst();
            if (!user.canActOn(first.guidePath(), FIELD)) {
                continue;
            }
            Cascade c = build(root, f, user);
            int done = c.perGeneration().stream().mapToInt(Generation::completed).sum();
            out.add(new CascadeSummary(root, first.guideName(), first.guideUnitName(), c.generations(), c.reached(), done,
                    c.stuck().size()));
        }
        out.sort(Comparator.comparingInt(CascadeSummary::reached).reversed().thenComparing(CascadeSummary::rootName));
        // each cascade is shown by its first guide's name
        audit.listed("ambassador-cascades", null, common(user), AuditLog.query(), out.size());
        return out;
    }

    /** The cascade a person belongs to, drawn from its first guide. */
    public Cascade cascade(long personId) {
        AppUser user = requireField();
        Forest f = forest();
        long root = personId;
        Set<Long> seen = new HashSet<>();
        while (f.guideOf.containsKey(root) && seen.add(root)) {
            root = f.guideOf.get(root).guideId();
        }
        if (!f.children.containsKey(root)) {
            throw new NotFoundException("cascade.notFound");
        }
        if (!user.canActOn(f.children.get(root).getFirst().guidePath(), FIELD)) {
            throw new NotFoundException("cascade.notFound");
        }
        Cascade cascade = build(root, f, user);
        audit.listed("ambassador-cascade", Long.toString(root), f.children.get(root).getFirst().guidePath(),
                AuditLog.query("personId", personId), nodes(cascade.root()) + cascade.stuck().size());
        return cascade;
    }

    private static int nodes(Cascade.Node node) {
        return 1 + node.learners().stream().mapToInt(Ambassadors::nodes).sum();
    }

    /** Where a list drawn from all the user's units belongs in the trail: their one unit, or everywhere. */
    private static String common(AppUser user) {
        List<String> scopes = user.scopePaths(FIELD);
        return scopes.size() == 1 ? scopes.getFirst() : null;
    }

    private record Forest(Map<Long, List<LinkRow>> children, Map<Long, LinkRow> guideOf, List<Long> roots) {
    }

    private Forest forest() {
        Map<Long, List<LinkRow>> children = new LinkedHashMap<>();
        Map<Long, LinkRow> guideOf = new HashMap<>();
        for (LinkRow l : repo.allLinks()) {
            children.computeIfAbsent(l.guideId(), k -> new ArrayList<>()).add(l);
            guideOf.put(l.learnerId(), l);
        }
        List<Long> roots = children.keySet().stream().filter(g -> !guideOf.containsKey(g)).toList();
        return new Forest(children, guideOf, roots);
    }

    private Cascade build(long root, Forest f, AppUser user) {
        List<Long> ids = new ArrayList<>();
        ArrayDeque<Long> queue = new ArrayDeque<>(List.of(root));
        while (!queue.isEmpty()) {
            long id = queue.poll();
            ids.add(id);
            f.children.getOrDefault(id, List.of()).forEach(l -> queue.add(l.learnerId()));
        }
        Map<Long, EligibilityRow> eligible = repo.eligibility(ids);
        Set<Long> certified = certificates.certifiedAmong(ids);
        LinkRow first = f.children.get(root).getFirst();
        Node top = node(root, first.guideName(), first.guidePath(), first.guideUnitName(), null, 1, f, eligible, certified,
                user);
        Map<Integer, int[]> gens = new LinkedHashMap<>();
        List<StuckGuide> stuck = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        walk(top, gens, stuck, today);
        List<Generation> perGeneration = gens.entrySet().stream().map(e -> new Generation(e.getKey(), e.getValue()[0],
                e.getValue()[1], Math.round(1000.0 * e.getValue()[1] / e.getValue()[0]) / 10.0)).toList();
        return new Cascade(top, gens.size(), ids.size() - 1, perGeneration, stuck);
    }

    private Node node(long id, String name, String path, String unitName, LocalDate linkedOn, int generation, Forest f,
                      Map<Long, EligibilityRow> eligible, Set<Long> certified, AppUser user) {
        boolean visible = user.canActOn(path, FIELD);
        List<Node> learners = f.children.getOrDefault(id, List.of()).stream()
                .map(l -> node(l.learnerId(), l.learnerName(), l.learnerPath(), l.learnerUnitName(), l.linkedOn(),
                        generation + 1, f, eligible, certified, user))
                .toList();
        EligibilityRow e = eligible.get(id);
        return new Node(id, visible ? name : null, visible ? unitName : null, generation,
                e != null || certified.contains(id), e == null ? null : e.eligibleOn(), linkedOn, learners);
    }

    private void walk(Node n, Map<Integer, int[]> gens, List<StuckGuide> stuck, LocalDate today) {
        int[] g = gens.computeIfAbsent(n.generation(), k -> new int[2]);
        g[0]++;
        g[1] += n.completed() ? 1 : 0;
        boolean guide = n.generation() == 1 || n.completed();
        if (guide) {
            stuckReason(n, today).ifPresent(stuck::add);
        }
        n.learners().forEach(l -> walk(l, gens, stuck, today));
    }

    private java.util.Optional<StuckGuide> stuckReason(Node n, LocalDate today) {
        int learners = n.learners().size();
        int done = (int) n.learners().stream().filter(Node::completed).count();
        LocalDate firstLink = n.learners().stream().map(Node::linkedOn).min(Comparator.naturalOrder()).orElse(null);
        if (learners > 0 && done == 0 && !firstLink.plusDays(props.stuckAfterDays()).isAfter(today)) {
            return java.util.Optional.of(new StuckGuide(n.personId(), n.name(), n.generation(), learners, done,
                    StuckReason.NO_LEARNER_COMPLETED, firstLink, ChronoUnit.DAYS.between(firstLink, today)));
        }
        // a guide is a guide from their first link (the first generation) or from their completion
        LocalDate since = n.generation() == 1 || n.completedOn() == null ? firstLink : n.completedOn();
        if (since != null && learners < props.learnersPerGuide() && !since.plusDays(props.fullAfterDays()).isAfter(today)) {
            return java.util.Optional.of(new StuckGuide(n.personId(), n.name(), n.generation(), learners, done,
                    StuckReason.FEWER_LEARNERS, since, ChronoUnit.DAYS.between(since, today)));
        }
        return java.util.Optional.empty();
    }

    private PersonRef person(long id) {
        return persons.find(id).orElseThrow(() -> new NotFoundException("cascade.personNotFound"));
    }

    private static AppUser requireField() {
        AppUser user = CurrentUser.require();
        if (FIELD.stream().noneMatch(user::has) && !user.has(Role.SYSTEM_ADMIN)) {
            throw new ForbiddenException("cascade.forbidden");
        }
        return user;
    }
}
