package vn.binhdan.campaign;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.campaign.internal.PlanDueParser;
import vn.binhdan.campaign.internal.PlanEvidenceTypes;
import vn.binhdan.campaign.internal.PlanReach;
import vn.binhdan.campaign.internal.PlanRepository;
import vn.binhdan.campaign.internal.PlanRepository.LinkRow;
import vn.binhdan.campaign.internal.PlanRepository.PlanRow;
import vn.binhdan.campaign.internal.PlanRepository.SectionRow;
import vn.binhdan.campaign.internal.PlanRepository.TaskRow;
import vn.binhdan.campaign.internal.PlanTaskImporter;
import vn.binhdan.campaign.internal.PlanUnitMatcher;
import vn.binhdan.campaign.internal.PlanUnitMatcher.Match;
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

/**
 * Plans and their tasks as users see and change them. Who sees what follows the unit tree: the
 * plans issued inside one's scope in full, and elsewhere the tasks one's units lead or
 * co-ordinate (including those given to "all communes" or "all departments"). Administrators
 * and commune officers over the issuing unit edit a plan; a task's own lead unit sets its status;
 * anyone who sees a task adds progress notes and evidence. Every change is audited.
 */
@Service
@Transactional(readOnly = true)
public class Plans {

    static final Set<Role> READERS = EnumSet.of(Role.COMMUNE_OFFICER, Role.AGENCY_OFFICER, Role.PROVINCE_ADMIN,
            Role.SYSTEM_ADMIN);
    static final Set<Role> EDITORS = EnumSet.of(Role.COMMUNE_OFFICER, Role.PROVINCE_ADMIN, Role.SYSTEM_ADMIN);
    /** Evidence is minutes, photos and reports, not archives: a phone photo fits. */
    public static final int MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;
    /** A task table is a few pages. */
    public static final int MAX_TABLE_BYTES = 5 * 1024 * 1024;
    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final Set<UnitType> COMMUNE_LEVEL = EnumSet.of(UnitType.COMMUNE, UnitType.WARD, UnitType.SPECIAL_ZONE);

    private final PlanRepository repo;
    private final Units units;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;

    public Plans(PlanRepository repo, Units units, AuditLog audit, MessageSource messages, Clock clock) {
        this.repo = repo;
        this.units = units;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** Whether the user may create plans at all (for showing the form). */
    public boolean canCreate() {
        return CurrentUser.find().map(u -> EDITORS.stream().anyMatch(u::has)).orElse(false);
    }

    // ---------------------------------------------------------------- plans

    /** The units the user may issue plans for: the administrative units (not villages) of their editing scope. */
    public List<Unit> issuerCandidates() {
        AppUser user = requireReader();
        List<Unit> roots = user.has(Role.SYSTEM_ADMIN) ? units.roots() : units.findByIds(user.grants().stream()
                .filter(g -> EDITORS.contains(g.role())).map(g -> g.unitId()).distinct().toList());
        Map<Long, Unit> out = new LinkedHashMap<>();
        for (Unit root : roots) {
            units.subtree(root).stream().filter(u -> u.type().administrative() && u.type() != UnitType.VILLAGE)
                    .forEach(u -> out.putIfAbsent(u.id(), u));
        }
        return out.values().stream().sorted(java.util.Comparator.comparingInt(Unit::depth)
                .thenComparing(u -> VietnameseText.fold(u.name()))).toList();
    }


    public List<PlanSummary> list() {
        AppUser user = requireReader();
        PlanReach reach = reach(user);
        List<PlanRow> plans = repo.visiblePlans(reach);
        Map<Long, int[]> counts = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock);
        for (TaskRow t : repo.visibleTasks(plans.stream().map(PlanRow::id).toList(), reach)) {
            int[] c = counts.computeIfAbsent(t.planId(), k -> new int[3]);
            c[0]++;
            c[1] += t.status() == PlanTaskStatus.DONE ? 1 : 0;
            c[2] += t.due().overdueOn(today, t.status()) ? 1 : 0;
        }
        return plans.stream().map(p -> {
            int[] c = counts.getOrDefault(p.id(), new int[3]);
            return new PlanSummary(plan(p, user), c[0], c[1], c[2]);
        }).toList();
    }

    public PlanDetail get(long planId) {
        AppUser user = requireReader();
        PlanRow row = repo.findPlan(planId).orElseThrow(() -> new NotFoundException("plan.notFound"));
        PlanReach reach = reach(user);
        List<TaskRow> tasks = repo.visibleTasks(List.of(planId), reach);
        if (tasks.isEmpty() && !user.canActOn(row.issuerPath(), READERS)) {
            throw new NotFoundException("plan.notFound");
        }
        Plan plan = plan(row, user);
        List<PlanTask> visible = tasks(tasks, plan, user);
        List<PlanSection> sections = new ArrayList<>();
        List<PlanTask> loose = visible.stream().filter(t -> t.sectionId() == null).toList();
        if (!loose.isEmpty()) {
            sections.add(new PlanSection(null, null, null, loose));
        }
        for (SectionRow s : repo.sections(planId)) {
            List<PlanTask> in = visible.stream().filter(t -> Long.valueOf(s.id()).equals(t.sectionId())).toList();
            // a section none of whose tasks the user sees says nothing to them
            if (!in.isEmpty() || plan.editable()) {
                sections.add(new PlanSection(s.id(), s.number(), s.title(), in));
            }
        }
        return new PlanDetail(plan, sections, plan.editable() ? unmatched(row) : List.of());
    }

    @Transactional
    public Plan create(PlanDraft draft) {
        AppUser user = requireReader();
        Valid v = validate(draft);
        if (!user.canActOn(v.issuer().path(), EDITORS)) {
            throw new ForbiddenException("plan.forbidden");
        }
        long id = repo.insertPlan(v.number(), v.title(), v.issuer().id(), draft.issuedOn(), v.from(), v.to(),
                user.username(), clock.instant());
        audit.record("CREATE", "plan", Long.toString(id), v.issuer().path(), describe(v));
        return plan(repo.findPlan(id).orElseThrow(), user);
    }

    @Transactional
    public Plan update(long planId, PlanDraft draft) {
        AppUser user = requireReader();
        PlanRow row = requireEditable(planId, user);
        Valid v = validate(draft);
        if (!user.canActOn(v.issuer().path(), EDITORS)) {
            throw new ForbiddenException("plan.forbidden");
        }
        repo.updatePlan(planId, v.number(), v.title(), v.issuer().id(), draft.issuedOn(), v.from(), v.to(),
                clock.instant());
        audit.record("UPDATE", "plan", Long.toString(planId), row.issuerPath(), describe(v));
        return plan(repo.findPlan(planId).orElseThrow(), user);
    }

    private record Valid(String number, String title, Unit issuer, int from, int to) {
    }

    private Valid validate(PlanDraft d) {
        if (d == null) {
            throw new BusinessException("plan.titleRequired");
        }
        String title = VietnameseText.clean(d.title());
        if (title == null) {
            throw new BusinessException("plan.titleRequired");
        }
        if (title.length() > 500) {
            throw new BusinessException("plan.tooLong", 500);
        }
        String number = VietnameseText.clean(d.number());
        if (number != null && number.length() > 60) {
            throw new BusinessException("plan.tooLong", 60);
        }
        if (d.issuerUnitId() == null) {
            throw new BusinessException("plan.issuerRequired");
        }
        Unit issuer = units.find(d.issuerUnitId()).filter(Unit::active)
                .orElseThrow(() -> new BusinessException("plan.issuerRequired"));
        Integer from = d.fromYear();
        Integer to = d.toYear() == null ? from : d.toYear();
        if (from == null && d.issuedOn() != null) {
            from = d.issuedOn().getYear();
            to = d.toYear() == null ? from : d.toYear();
        }
        if (from == null || to == null || from < 2000 || to > 2100 || to < from) {
            throw new BusinessException("plan.badPeriod");
        }
        return new Valid(number, title, issuer, from, to);
    }

    private static String describe(Valid v) {
        return (v.number() == null ? "" : v.number() + " ") + v.title() + " (" + v.from() + "-" + v.to() + ")";
    }

    // ---------------------------------------------------------------- import

    /**
     * Reads a task table (XLSX or CSV) into an empty plan: sections, tasks, dues, and units
     * matched by name inside the issuing unit's subtree. A preview, or a table with any row in
     * error, applies nothing; otherwise the whole table is applied in one transaction.
     */
    @Transactional
    public PlanImportResult importTasks(long planId, String fileName, byte[] content, boolean preview) {
        AppUser user = requireReader();
        PlanRow row = requireEditable(planId, user);
        if (content == null || content.length == 0) {
            throw new BusinessException("import.error.emptyFile");
        }
        if (content.length > MAX_TABLE_BYTES) {
            throw new BusinessException("plan.import.tooLarge", MAX_TABLE_BYTES / (1024 * 1024));
        }
        PlanUnitMatcher matcher = matcher(row);
        PlanTaskImporter.Table table = PlanTaskImporter.read(fileName, content, matcher);
        List<PlanImportResult.RowError> errors = table.problems().stream()
                .map(p -> new PlanImportResult.RowError(p.row(), messages.getMessage(p.key(), p.args(), p.key(), VI)))
                .toList();
        List<PlanImportResult.Row> rows = new ArrayList<>();
        Set<String> unmatched = new LinkedHashSet<>();
        for (PlanTaskImporter.Item item : table.items()) {
            if (item instanceof PlanTaskImporter.Section s) {
                rows.add(new PlanImportResult.Row(s.row(), true, s.number(), s.title(), List.of(), List.of(), null, null,
                        null, List.of()));
            } else if (item instanceof PlanTaskImporter.Task t) {
                rows.add(new PlanImportResult.Row(t.row(), false, t.number(), t.content(), names(t.leads()),
                        names(t.coordinating()), t.due().text(), t.due().kind(), t.due().date(), t.indicatorCodes()));
                t.leads().stream().filter(m -> !m.matched()).forEach(m -> unmatched.add(m.text()));
                t.coordinating().stream().filter(m -> !m.matched()).forEach(m -> unmatched.add(m.text()));
            }
        }
        int sections = (int) table.sections();
        int tasks = (int) table.tasks();
        if (preview || !errors.isEmpty()) {
            return new PlanImportResult(false, sections, tasks, errors, rows, List.copyOf(unmatched));
        }
        repo.lockPlan(planId);
        if (repo.countTasks(planId) > 0) {
            throw new ConflictException("plan.import.notEmpty");
        }
        Instant now = clock.instant();
        Long section = null;
        int sectionPos = repo.nextSectionPosition(planId);
        int taskPos = 1;
        for (PlanTaskImporter.Item item : table.items()) {
            if (item instanceof PlanTaskImporter.Section s) {
                section = repo.insertSection(planId, sectionPos++, s.number(), s.title());
            } else if (item instanceof PlanTaskImporter.Task t) {
                long id = repo.insertTask(planId, section, taskPos++, t.number(), t.content(), t.due(), now);
                insertLinks(id, t.leads(), t.coordinating());
                t.indicatorCodes().forEach(code -> repo.insertIndicator(id, code));
            }
        }
        audit.record("IMPORT", "plan", Long.toString(planId), row.issuerPath(),
                "file=" + safeName(fileName) + " sections=" + sections + " tasks=" + tasks + " unmatched=" + unmatched.size());
        return new PlanImportResult(true, sections, tasks, List.of(), rows, List.copyOf(unmatched));
    }

    private static List<PlanImportResult.Name> names(List<Match> matches) {
        return matches.stream().map(m -> new PlanImportResult.Name(m.text(), m.unit() == null ? null : m.unit().name(),
                m.collective())).toList();
    }

    private void insertLinks(long taskId, List<Match> leads, List<Match> coordinating) {
        int pos = 1;
        for (Match m : leads) {
            repo.insertLink(taskId, PlanTaskRole.LEAD, pos++, m.text(), m.unit() == null ? null : m.unit().id(),
                    m.collective());
        }
        pos = 1;
        for (Match m : coordinating) {
            repo.insertLink(taskId, PlanTaskRole.COORDINATING, pos++, m.text(), m.unit() == null ? null : m.unit().id(),
                    m.collective());
        }
    }

    private PlanUnitMatcher matcher(PlanRow row) {
        Unit issuer = units.find(row.issuerUnitId()).orElseThrow();
        return new PlanUnitMatcher(issuer, units.subtree(issuer));
    }

    // ---------------------------------------------------------------- tasks

    /** Adds a task typed by hand at the end of the plan (or of a section). */
    @Transactional
    public PlanTask addTask(long planId, PlanTaskDraft draft) {
        AppUser user = requireReader();
        PlanRow row = requireEditable(planId, user);
        TaskInput in = taskInput(planId, draft, matcher(row));
        long id = repo.insertTask(planId, in.sectionId(), repo.nextTaskPosition(planId), in.number(), in.content(), in.due(),
                clock.instant());
        insertLinks(id, in.leads(), in.coordinating());
        in.codes().forEach(code -> repo.insertIndicator(id, code));
        audit.record("CREATE", "plan_task", Long.toString(id), row.issuerPath(), "plan=" + planId + " " + in.content());
        return visibleTask(row, id, user);
    }

    /** Rewrites a task's text, units, due and indicator codes; its status, notes and evidence stay. */
    @Transactional
    public PlanTask updateTask(long planId, long taskId, PlanTaskDraft draft) {
        AppUser user = requireReader();
        PlanRow row = requireEditable(planId, user);
        repo.findTask(planId, taskId).orElseThrow(() -> new NotFoundException("plan.taskNotFound"));
        TaskInput in = taskInput(planId, draft, matcher(row));
        repo.updateTask(taskId, in.sectionId(), in.number(), in.content(), in.due(), clock.instant());
        repo.deleteLinks(taskId);
        insertLinks(taskId, in.leads(), in.coordinating());
        repo.deleteIndicators(taskId);
        in.codes().forEach(code -> repo.insertIndicator(taskId, code));
        audit.record("UPDATE", "plan_task", Long.toString(taskId), row.issuerPath(), "plan=" + planId + " " + in.content());
        return visibleTask(row, taskId, user);
    }

    private record TaskInput(Long sectionId, String number, String content, List<Match> leads, List<Match> coordinating,
                             PlanTaskDue due, List<String> codes) {
    }

    private TaskInput taskInput(long planId, PlanTaskDraft d, PlanUnitMatcher matcher) {
        String content = d == null ? null : VietnameseText.clean(d.content());
        if (content == null) {
            throw new BusinessException("plan.import.noContent");
        }
        if (content.length() > 4000) {
            throw new BusinessException("plan.tooLong", 4000);
        }
        String number = VietnameseText.clean(d.number());
        if (number != null && number.length() > 20) {
            throw new BusinessException("plan.import.numberTooLong", number, 20);
        }
        if (d.sectionId() != null && repo.sections(planId).stream().noneMatch(s -> s.id() == d.sectionId())) {
            throw new BusinessException("plan.sectionNotFound");
        }
        PlanTaskDue due = PlanDueParser.parse(d.due())
                .orElseThrow(() -> new BusinessException("plan.import.badDue", d.due()));
        List<String> codes = new ArrayList<>();
        String bad = PlanTaskImporter.indicatorCodes(d.indicatorCodes() == null ? null
                : String.join(",", d.indicatorCodes()), codes);
        if (bad != null) {
            throw new BusinessException("plan.import.badIndicator", bad);
        }
        List<Match> leads = matcher.split(d.leads());
        List<Match> coordinating = matcher.split(d.coordinating());
        if (leads.stream().anyMatch(m -> m.text().length() > 300) || coordinating.stream().anyMatch(m -> m.text().length() > 300)) {
            throw new BusinessException("plan.import.nameTooLong", 300);
        }
        return new TaskInput(d.sectionId(), number, content, leads, coordinating, due, codes);
    }

    public PlanTaskDetail task(long planId, long taskId) {
        AppUser user = requireReader();
        PlanRow row = repo.findPlan(planId).orElseThrow(() -> new NotFoundException("plan.taskNotFound"));
        PlanTask task = visibleTask(row, taskId, user);
        PlanSection section = task.sectionId() == null ? null : repo.sections(planId).stream()
                .filter(s -> s.id() == task.sectionId()).findFirst()
                .map(s -> new PlanSection(s.id(), s.number(), s.title(), List.of())).orElse(null);
        return new PlanTaskDetail(plan(row, user), section, task, repo.notes(taskId), repo.evidence(taskId), true);
    }

    /**
     * Records progress: a note, a new status, or both (as one note that says the status). Notes
     * are added by whoever sees the task; the status is set by the plan's editors or the task's
     * own lead unit.
     */
    @Transactional
    public PlanTaskNote progress(long planId, long taskId, PlanTaskStatus status, String note) {
        AppUser user = requireReader();
        PlanRow row = repo.findPlan(planId).orElseThrow(() -> new NotFoundException("plan.taskNotFound"));
        PlanTask task = visibleTask(row, taskId, user);
        String body = VietnameseText.clean(note);
        if (body != null && body.length() > 4000) {
            throw new BusinessException("plan.tooLong", 4000);
        }
        PlanTaskStatus change = status == null || status == task.status() ? null : status;
        if (change != null && !task.canUpdate()) {
            throw new ForbiddenException("plan.statusForbidden");
        }
        if (body == null && change == null) {
            throw new BusinessException("plan.noteRequired");
        }
        Instant now = clock.instant();
        if (change != null) {
            repo.setStatus(taskId, change, now);
            audit.record("STATUS", "plan_task", Long.toString(taskId), row.issuerPath(), task.status() + " -> " + change);
        }
        String text = body != null ? body : messages.getMessage("plan.status." + change, null, VI);
        long id = repo.insertNote(taskId, text, change, user.username(), user.displayName(), now);
        audit.record("NOTE", "plan_task", Long.toString(taskId), row.issuerPath(), "note=" + id);
        return repo.notes(taskId).stream().filter(n -> n.id() == id).findFirst().orElseThrow();
    }

    /** Attaches an evidence file (PDF, image, DOCX or XLSX by its bytes, at most 5 MB). */
    @Transactional
    public PlanTaskEvidence addEvidence(long planId, long taskId, String fileName, byte[] content) {
        AppUser user = requireReader();
        PlanRow row = repo.findPlan(planId).orElseThrow(() -> new NotFoundException("plan.taskNotFound"));
        visibleTask(row, taskId, user);
        if (content == null || content.length == 0) {
            throw new BusinessException("plan.evidence.empty");
        }
        if (content.length > MAX_EVIDENCE_BYTES) {
            throw new BusinessException("plan.evidence.tooLarge", MAX_EVIDENCE_BYTES / (1024 * 1024));
        }
        String type = PlanEvidenceTypes.mediaType(content)
                .orElseThrow(() -> new BusinessException("plan.evidence.badType"));
        String name = safeName(fileName);
        long id = repo.insertEvidence(taskId, name, type, content, sha256(content), user.username(), clock.instant());
        audit.record("EVIDENCE", "plan_task", Long.toString(taskId), row.issuerPath(),
                "evidence=" + id + " " + name + " " + content.length + "B");
        return repo.evidence(taskId).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
    }

    public PlanEvidenceFile evidence(long planId, long taskId, long evidenceId) {
        AppUser user = requireReader();
        PlanRow row = repo.findPlan(planId).orElseThrow(() -> new NotFoundException("plan.taskNotFound"));
        visibleTask(row, taskId, user);
        PlanRepository.EvidenceRow e = repo.evidenceContent(taskId, evidenceId)
                .orElseThrow(() -> new NotFoundException("plan.evidence.notFound"));
        return new PlanEvidenceFile(e.fileName(), e.mediaType(), e.content());
    }

    // ---------------------------------------------------------------- unmatched names

    public List<PlanUnmatchedName> unmatched(long planId) {
        AppUser user = requireReader();
        return unmatched(requireEditable(planId, user));
    }

    private List<PlanUnmatchedName> unmatched(PlanRow row) {
        List<LinkRow> links = repo.unmatched(row.id());
        Map<Long, TaskRow> tasks = new LinkedHashMap<>();
        repo.visibleTasks(List.of(row.id()), new PlanReach(List.of("/"), Set.of(), Set.of()))
                .forEach(t -> tasks.put(t.id(), t));
        return links.stream().map(l -> {
            TaskRow t = tasks.get(l.taskId());
            return new PlanUnmatchedName(l.id(), l.taskId(), t.number(), t.content(), l.role(), l.nameText());
        }).toList();
    }

    /** The units an unmatched name may be linked to: the issuer's communes and organisations, not villages. */
    public List<Unit> linkCandidates(long planId) {
        AppUser user = requireReader();
        PlanRow row = requireEditable(planId, user);
        Unit issuer = units.find(row.issuerUnitId()).orElseThrow();
        return units.subtree(issuer).stream().filter(u -> u.type() != UnitType.VILLAGE)
                .sorted(java.util.Comparator.comparing((Unit u) -> u.type().administrative())
                        .thenComparing(u -> VietnameseText.fold(u.name())))
                .toList();
    }

    /** Links a name from the plan to a unit inside the issuing unit's subtree, by hand. */
    @Transactional
    public PlanTaskUnit linkUnit(long planId, long linkId, long unitId) {
        AppUser user = requireReader();
        PlanRow row = requireEditable(planId, user);
        LinkRow link = repo.findLink(linkId).orElseThrow(() -> new NotFoundException("plan.linkNotFound"));
        repo.findTask(planId, link.taskId()).orElseThrow(() -> new NotFoundException("plan.linkNotFound"));
        Unit unit = units.find(unitId).filter(Unit::active)
                .orElseThrow(() -> new BusinessException("plan.linkOutsideIssuer"));
        if (!unit.path().startsWith(row.issuerPath())) {
            throw new BusinessException("plan.linkOutsideIssuer");
        }
        repo.linkUnit(linkId, unitId);
        audit.record("LINK_UNIT", "plan_task", Long.toString(link.taskId()), row.issuerPath(),
                "'" + link.nameText() + "' -> " + unit.code());
        return new PlanTaskUnit(linkId, link.role(), link.nameText(), unit.id(), unit.name(), null);
    }

    // ---------------------------------------------------------------- reading helpers

    private PlanTask visibleTask(PlanRow row, long taskId, AppUser user) {
        List<TaskRow> visible = repo.visibleTasks(List.of(row.id()), reach(user)).stream()
                .filter(t -> t.id() == taskId).toList();
        if (visible.isEmpty()) {
            throw new NotFoundException("plan.taskNotFound");
        }
        return tasks(visible, plan(row, user), user).getFirst();
    }

    private List<PlanTask> tasks(List<TaskRow> rows, Plan plan, AppUser user) {
        List<Long> ids = rows.stream().map(TaskRow::id).toList();
        Map<Long, List<LinkRow>> links = repo.links(ids);
        Map<Long, List<String>> codes = repo.indicators(ids);
        LocalDate today = LocalDate.now(clock);
        return rows.stream().map(t -> {
            List<LinkRow> l = links.getOrDefault(t.id(), List.of());
            List<PlanTaskUnit> leads = l.stream().filter(x -> x.role() == PlanTaskRole.LEAD).map(Plans::unit).toList();
            List<PlanTaskUnit> coordinating = l.stream().filter(x -> x.role() == PlanTaskRole.COORDINATING)
                    .map(Plans::unit).toList();
            boolean ownLead = l.stream().anyMatch(x -> x.role() == PlanTaskRole.LEAD && x.unitPath() != null
                    && user.canActOn(x.unitPath(), READERS));
            return new PlanTask(t.id(), t.planId(), t.sectionId(), t.number(), t.content(), leads, coordinating, t.due(),
                    t.status(), t.due().overdueOn(today, t.status()), codes.getOrDefault(t.id(), List.of()),
                    plan.editable() || ownLead);
        }).toList();
    }

    private static PlanTaskUnit unit(LinkRow l) {
        return new PlanTaskUnit(l.id(), l.role(), l.nameText(), l.unitId(), l.unitName(), l.collective());
    }

    private static Plan plan(PlanRow p, AppUser user) {
        return new Plan(p.id(), p.number(), p.title(), p.issuerUnitId(), p.issuerName(), p.issuedOn(), p.fromYear(),
                p.toYear(), user.canActOn(p.issuerPath(), EDITORS));
    }

    private PlanRow requireEditable(long planId, AppUser user) {
        PlanRow row = repo.findPlan(planId).orElseThrow(() -> new NotFoundException("plan.notFound"));
        if (!user.canActOn(row.issuerPath(), EDITORS)) {
            if (!user.canActOn(row.issuerPath(), READERS) && repo.visibleTasks(List.of(planId), reach(user)).isEmpty()) {
                throw new NotFoundException("plan.notFound");
            }
            throw new ForbiddenException("plan.forbidden");
        }
        return row;
    }

    private static AppUser requireReader() {
        AppUser user = CurrentUser.require();
        if (READERS.stream().noneMatch(user::has)) {
            throw new ForbiddenException("plan.forbidden");
        }
        return user;
    }

    /**
     * The user's reach. Besides their subtrees, a grant on (or under) a commune reaches the
     * tasks given to "all communes" by any unit above that commune, and likewise for departments.
     */
    private PlanReach reach(AppUser user) {
        List<String> scopes = user.scopePaths(READERS);
        Set<String> communes = new LinkedHashSet<>();
        Set<String> departments = new LinkedHashSet<>();
        if (!scopes.contains("/")) {
            List<Long> grantUnits = user.grants().stream().filter(g -> READERS.contains(g.role())).map(g -> g.unitId())
                    .distinct().toList();
            for (Unit u : units.findByIds(grantUnits)) {
                List<Unit> chain = new ArrayList<>(units.findByIds(u.ancestorIds()));
                chain.add(u);
                for (Unit c : chain) {
                    if (COMMUNE_LEVEL.contains(c.type())) {
                        communes.addAll(above(c.path()));
                    } else if (c.type() == UnitType.DEPARTMENT) {
                        departments.addAll(above(c.path()));
                    }
                }
            }
        }
        return new PlanReach(scopes, communes, departments);
    }

    /** "/1/7/30/" → "/1/", "/1/7/": the paths of the units above. */
    private static List<String> above(String path) {
        List<String> out = new ArrayList<>();
        int i = 1;
        int next;
        while ((next = path.indexOf('/', i)) > 0 && next < path.length() - 1) {
            out.add(path.substring(0, next + 1));
            i = next + 1;
        }
        return out;
    }

    private static String safeName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        StringBuilder out = new StringBuilder();
        name.codePoints().filter(c -> !Character.isISOControl(c) && c != '"').forEach(out::appendCodePoint);
        String clean = VietnameseText.clean(out.toString());
        if (clean == null) {
            return "tep";
        }
        return clean.length() > 200 ? clean.substring(clean.length() - 200) : clean;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
