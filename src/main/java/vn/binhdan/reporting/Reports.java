package vn.binhdan.reporting;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.campaign.ApprovedFigures;
import vn.binhdan.campaign.Indicator;
import vn.binhdan.reporting.InvalidReport.FieldError;
import vn.binhdan.reporting.internal.LiveFigures;
import vn.binhdan.reporting.internal.ReportRepository;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.ConflictException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.unit.Unit;

/**
 * One unit's periodic report through its life: drafted by the unit (DRAFT), handed to the level
 * above (SUBMITTED), then approved (final) or returned with a comment (RETURNED), edited and
 * submitted again.
 *
 * <p>Submitting is idempotent by state: submitting a report that is already submitted returns it
 * as it is (same figures, same time, no second history entry), so a double tap or a retried
 * request does no harm. No idempotency key is needed for that; the row lock taken by every change
 * makes two submits at once behave the same way.
 */
@Service
public class Reports {

    static final int MAX_TEXT = 8000;
    static final int MAX_COMMENT = 2000;
    static final String SUBJECT = "REPORT";

    private final ReportScope scope;
    private final ReportRepository repo;
    private final LiveFigures live;
    private final AuditLog audit;
    private final Clock clock;
    private final Validation validation;
    private final ApplicationEventPublisher events;

    Reports(ReportScope scope, ReportRepository repo, LiveFigures live, AuditLog audit, Clock clock,
            Validation validation, ApplicationEventPublisher events) {
        this.scope = scope;
        this.repo = repo;
        this.live = live;
        this.audit = audit;
        this.clock = clock;
        this.validation = validation;
        this.events = events;
    }

    public List<ReportForm> forms() {
        CurrentUser.require();
        return scope.forms();
    }

    public ReportForm form(String code) {
        CurrentUser.require();
        return scope.form(code);
    }

    /** The period of the form's type that contains today: the one a unit is working on. */
    public Period currentPeriod(ReportForm form) {
        return Period.containing(form.periodType(), scope.today());
    }

    public Report get(String formCode, long unitId, String periodId) {
        AppUser user = CurrentUser.require();
        ReportForm form = scope.form(formCode);
        Period period = scope.period(form, periodId);
        Unit unit = scope.readable(user, unitId);
        scope.requireFiler(form, unit);
        ReportRepository.Row row = repo.find(form.code(), unit.id(), period.id()).orElse(null);
        return view(user, scope.asFiled(form, row), unit, period, row);
    }

    /** Replaces the unit's draft: the typed figures and the texts. Refused once submitted. */
    @Transactional
    public Report save(String formCode, long unitId, String periodId, Draft draft) {
        AppUser user = CurrentUser.require();
        ReportForm form = scope.form(formCode);
        Period period = scope.period(form, periodId);
        Unit unit = scope.writable(user, unitId);
        scope.requireFiler(form, unit);
        requireStarted(period);
        Instant now = clock.instant();
        ReportRepository.Row row = repo.lockOrCreate(form.code(), form.version(), unit.id(), period.id(),
                form.dueOn(period, unit.type()), user.username(), now);
        form = scope.asFiled(form, row);
        requireWithUnit(row.status());
        Map<String, ReportRepository.Declared> before = repo.declared(row.id());
        Map<ReportForm.Section, Report.Text> textsBefore = repo.texts(List.of(row.id())).getOrDefault(row.id(), Map.of());
        List<FieldError> errors = new ArrayList<>();
        List<ReportRepository.Declared> figures = figures(form, draft, before, user.username(), now, errors);
        List<Report.Text> texts = texts(form, draft, textsBefore, user.username(), now, errors);
        Map<String, String> explanations = validation.explanations(draft.explanations(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidReport(errors);
        }
        repo.replaceDeclared(row.id(), figures);
        repo.replaceTexts(row.id(), texts);
        validation.replaceExplanations(row.id(), explanations, user.username(), now);
        repo.touch(row.id(), user.username(), now);
        audit.record("UPDATE", SUBJECT, subject(form, unit, period), unit.path(), changes(before, figures, textsBefore, texts));
        return view(user, form, unit, period, repo.find(form.code(), unit.id(), period.id()).orElseThrow());
    }

    /**
     * Hands the report to the level above, freezing every figure as it stands (computed ones
     * included). A report already submitted is returned unchanged; an approved one is final.
     */
    @Transactional
    public Report submit(String formCode, long unitId, String periodId) {
        return submit(formCode, unitId, periodId, Map.of());
    }

    /**
     * Submits with explanations for the warnings the figures raise, added to those kept with the
     * draft. Refused (422, every violation by field) while an error or an unexplained warning remains.
     */
    @Transactional
    public Report submit(String formCode, long unitId, String periodId, Map<String, String> explanations) {
        AppUser user = CurrentUser.require();
        ReportForm form = scope.form(formCode);
        Period period = scope.period(form, periodId);
        Unit unit = scope.writable(user, unitId);
        scope.requireFiler(form, unit);
        requireStarted(period);
        Instant now = clock.instant();
        ReportRepository.Row row = repo.lockOrCreate(form.code(), form.version(), unit.id(), period.id(),
                form.dueOn(period, unit.type()), user.username(), now);
        form = scope.asFiled(form, row);
        if (row.status() == ReportStatus.SUBMITTED) {
            return view(user, form, unit, period, row);
        }
        requireWithUnit(row.status());
        List<FieldError> refused = new ArrayList<>();
        Map<String, String> added = validation.explanations(explanations == null ? Map.of() : explanations, refused);
        if (!refused.isEmpty()) {
            throw new InvalidReport(refused);
        }
        validation.addExplanations(row.id(), added, user.username(), now);
        List<Figure> frozen = live.resolve(form, scope.items(form), unit, period, repo.declared(row.id()),
                scope.reportingChildren(form, unit));
        validation.requirePassing(form, unit, period, frozen, row.id());
        repo.replaceFigures(row.id(), frozen);
        repo.markSubmitted(row.id(), user.username(), now);
        repo.addHistory(row.id(), ReportStatus.SUBMITTED.name(), user.username(), now, null);
        audit.record("SUBMIT", SUBJECT, subject(form, unit, period), unit.path(), "due=" + row.dueOn());
        return view(user, form, unit, period, repo.find(form.code(), unit.id(), period.id()).orElseThrow());
    }

    @Transactional
    public Report approve(String formCode, long unitId, String periodId) {
        return decide(formCode, unitId, periodId, ReportStatus.APPROVED, null);
    }

    /** Sends the report back to the unit with what to correct; it can then be edited and resubmitted. */
    @Transactional
    public Report returnToUnit(String formCode, long unitId, String periodId, String comment) {
        return decide(formCode, unitId, periodId, ReportStatus.RETURNED, comment == null ? "" : comment.strip());
    }

    private Report decide(String formCode, long unitId, String periodId, ReportStatus decision, String comment) {
        AppUser user = CurrentUser.require();
        ReportForm form = scope.form(formCode);
        Period period = scope.period(form, periodId);
        Unit unit = scope.readable(user, unitId);
        scope.requireFiler(form, unit);
        if (!scope.above(user, unit)) {
            throw new ForbiddenException("report.decideForbidden");
        }
        if (decision == ReportStatus.RETURNED && comment.isEmpty()) {
            throw new InvalidReport(List.of(new FieldError("comment", "report.commentRequired")));
        }
        if (decision == ReportStatus.RETURNED && comment.length() > MAX_COMMENT) {
            throw new InvalidReport(List.of(new FieldError("comment", "report.commentTooLong", MAX_COMMENT)));
        }
        ReportRepository.Row row = repo.lock(form.code(), unit.id(), period.id())
                .orElseThrow(() -> new ConflictException("report.notSubmitted"));
        if (row.status() == ReportStatus.APPROVED) {
            throw new ConflictException("report.alreadyApproved");
        }
        if (row.status() != ReportStatus.SUBMITTED) {
            throw new ConflictException("report.notSubmitted");
        }
        if (user.username().equals(row.submittedBy())) {
            throw new ForbiddenException("report.ownSubmission");
        }
        Instant now = clock.instant();
        repo.markDecided(row.id(), decision, user.username(), now);
        repo.addHistory(row.id(), decision.name(), user.username(), now, comment);
        audit.record(decision == ReportStatus.APPROVED ? "APPROVE" : "RETURN", SUBJECT, subject(form, unit, period),
                unit.path(), comment);
        ReportForm filed = scope.asFiled(form, row);
        if (decision == ReportStatus.APPROVED) {
            // in this transaction: the figures become indicator values exactly when the approval commits;
            // the report's own version says which indicators it carried
            events.publishEvent(approvedFigures(filed, unit, period, row.id(), user.username(), now));
        }
        return view(user, filed, unit, period, repo.find(form.code(), unit.id(), period.id()).orElseThrow());
    }

    /** The reported items' figures as approved (computed ones are monitoring's own already). */
    private ApprovedFigures approvedFigures(ReportForm form, Unit unit, Period period, long reportId, String by,
                                            Instant at) {
        return approvedFigures(scope.items(form), form, unit.id(), unit.path(), period, reportId, by, at,
                repo.figures(List.of(reportId)).getOrDefault(reportId, Map.of()));
    }

    static ApprovedFigures approvedFigures(List<Indicator> items, ReportForm form, long unitId, String unitPath,
                                           Period period, long reportId, String by, Instant at, Map<String, Figure> frozen) {
        List<ApprovedFigures.Value> values = new ArrayList<>();
        for (Indicator i : items) {
            for (String g : i.groupKeys()) {
                Figure f = frozen.get(Figure.key(i.code(), g));
                if (!i.computed() && !i.compliance() && f != null && f.numerator() != null) {
                    values.add(new ApprovedFigures.Value(i.code(), g, f.numerator(), f.denominator()));
                }
            }
        }
        return new ApprovedFigures("report-approved:" + reportId + ":" + at.toEpochMilli(), reportId, form.code(),
                unitId, unitPath, period.id(), period.year(), period.end(), by, at, values);
    }

    /** Submitted reports waiting for the user's decision as the level above, oldest first. */
    public List<QueueEntry> queue() {
        AppUser user = CurrentUser.require();
        Map<String, ReportForm> forms = new HashMap<>();
        scope.forms().forEach(f -> forms.put(f.code(), f));
        List<QueueEntry> out = new ArrayList<>();
        for (ReportRepository.Row r : repo.submittedWithin(user.scopePaths(ReportScope.APPROVERS))) {
            ReportForm form = forms.get(r.formCode());
            Unit unit = scope.unit(r.unitId());
            if (form == null || !scope.above(user, unit)) {
                continue;
            }
            out.add(new QueueEntry(form.code(), form.name(LocaleContextHolder.getLocale()), unit.id(), unit.name(),
                    Period.parse(r.periodId()), r.dueOn(), r.submittedBy(), r.submittedAt(),
                    late(r.firstSubmittedAt(), r.dueOn(), clock), user.username().equals(r.submittedBy())));
        }
        out.sort(Comparator.comparing(QueueEntry::submittedAt));
        return out;
    }

    private Report view(AppUser user, ReportForm form, Unit unit, Period period, ReportRepository.Row row) {
        ReportStatus status = row == null ? ReportStatus.NOT_STARTED : row.status();
        boolean isLive = status.withUnit();
        List<Indicator> items = scope.items(form);
        List<Unit> children = scope.reportingChildren(form, unit);
        Map<String, Figure> figures = new HashMap<>();
        if (isLive) {
            live.resolve(form, items, unit, period, row == null ? Map.of() : repo.declared(row.id()), children)
                    .forEach(f -> figures.put(f.key(), f));
        } else {
            figures.putAll(repo.figures(List.of(row.id())).getOrDefault(row.id(), Map.of()));
        }
        List<Report.Item> itemViews = items.stream().map(i -> new Report.Item(i.code(),
                i.name(LocaleContextHolder.getLocale()), i.measure(), i.source(), !i.groups().isEmpty(),
                i.groupKeys().stream().map(g -> figures.getOrDefault(Figure.key(i.code(), g),
                        Figure.of(i.code(), g, null, null, null, null, null, null))).toList())).toList();
        Map<ReportForm.Section, Report.Text> stored = row == null ? Map.of()
                : repo.texts(List.of(row.id())).getOrDefault(row.id(), Map.of());
        List<Report.Text> texts = form.sections().stream()
                .map(s -> stored.getOrDefault(s, new Report.Text(s, "", null, null))).toList();
        List<Report.Event> history = row == null ? List.of() : repo.history(row.id());
        String returnComment = status == ReportStatus.RETURNED ? history.reversed().stream()
                .filter(e -> ReportStatus.RETURNED.name().equals(e.action())).map(Report.Event::comment)
                .findFirst().orElse(null) : null;
        LocalDate due = row == null ? form.dueOn(period, unit.type()) : row.dueOn();
        boolean started = !period.start().isAfter(scope.today());
        // the level above decides on a report; it does not fill in the unit's form for it, so the
        // approver of a returned report is shown the decision, not the unit's edit buttons
        boolean writer = user.canActOn(unit.path(), ReportScope.WRITERS) && !scope.above(user, unit);
        boolean decider = status == ReportStatus.SUBMITTED && scope.above(user, unit)
                && !user.username().equals(row.submittedBy());
        return new Report(form.code(), form.name(LocaleContextHolder.getLocale()), unit.id(), unit.code(), unit.name(),
                period, due, status, isLive, row != null && late(row.firstSubmittedAt(), due, clock),
                row == null ? null : row.submittedBy(), row == null ? null : row.submittedAt(),
                row == null ? null : row.firstSubmittedAt(), row == null ? null : row.decidedBy(),
                row == null ? null : row.decidedAt(), returnComment, itemViews, texts, history,
                repo.reminders(form.code(), unit.id(), period.id()), !children.isEmpty(), started,
                new Report.Permissions(isLive && writer && started, isLive && writer && started, decider));
    }

    /** Checks the typed figures against the form; unchanged figures keep who typed them and when. */
    private List<ReportRepository.Declared> figures(ReportForm form, Draft draft, Map<String, ReportRepository.Declared> before,
                                                    String by, Instant now, List<FieldError> errors) {
        Map<String, Indicator> items = new LinkedHashMap<>();
        scope.items(form).forEach(i -> items.put(i.code(), i));
        Set<String> seen = new HashSet<>();
        List<ReportRepository.Declared> out = new ArrayList<>();
        for (Draft.Entry e : draft.figures()) {
            String code = e.indicator() == null ? "" : e.indicator().strip();
            String group = e.group() == null || e.group().isBlank() ? Indicator.ALL : e.group().strip();
            String numField = InvalidReport.numeratorField(code, group);
            String denField = InvalidReport.denominatorField(code, group);
            Indicator i = items.get(code);
            if (i == null) {
                errors.add(new FieldError(numField, "report.itemUnknown", code));
                continue;
            }
            if (!i.groupKeys().contains(group)) {
                errors.add(new FieldError(numField, "report.groupUnknown", group, i.name(LocaleContextHolder.getLocale())));
                continue;
            }
            if (!seen.add(Figure.key(code, group))) {
                errors.add(new FieldError(numField, "report.duplicate", i.name(LocaleContextHolder.getLocale()), group));
                continue;
            }
            if (e.numerator() == null && e.denominator() == null) {
                continue;
            }
            String name = i.name(LocaleContextHolder.getLocale());
            if (i.computed()) {
                errors.add(new FieldError(e.numerator() != null ? numField : denField, "report.computedReadOnly", name));
                continue;
            }
            boolean ok = true;
            if (e.numerator() != null && e.numerator() < 0) {
                errors.add(new FieldError(numField, "report.negative", name));
                ok = false;
            }
            if (e.denominator() != null && i.measure() != Indicator.Measure.SHARE) {
                errors.add(new FieldError(denField, "report.noDenominator", name));
                ok = false;
            } else if (e.denominator() != null && e.denominator() < 0) {
                errors.add(new FieldError(denField, "report.negative", name));
                ok = false;
            }
            // a numerator above its denominator is kept in the draft: the rules show it and hold back the submission
            if (ok) {
                ReportRepository.Declared old = before.get(Figure.key(code, group));
                boolean same = old != null && Objects.equals(old.numerator(), e.numerator())
                        && Objects.equals(old.denominator(), e.denominator());
                out.add(same ? old : new ReportRepository.Declared(code, group, e.numerator(), e.denominator(), by, now));
            }
        }
        return out;
    }

    private static List<Report.Text> texts(ReportForm form, Draft draft, Map<ReportForm.Section, Report.Text> before,
                                           String by, Instant now, List<FieldError> errors) {
        List<Report.Text> out = new ArrayList<>();
        draft.texts().forEach((section, body) -> {
            if (section == null || !form.sections().contains(section)) {
                errors.add(new FieldError("t-" + section, "report.sectionUnknown", String.valueOf(section)));
                return;
            }
            String text = body == null ? "" : paragraphs(body);
            if (text.isEmpty()) {
                return;
            }
            if (text.length() > MAX_TEXT) {
                errors.add(new FieldError(InvalidReport.textField(section), "report.textTooLong", MAX_TEXT));
                return;
            }
            Report.Text old = before.get(section);
            out.add(old != null && old.body().equals(text) ? old : new Report.Text(section, text, by, now));
        });
        return out;
    }

    /** What a save changed, for the audit trail: each figure as numerator/denominator, and the sections rewritten. */
    private static String changes(Map<String, ReportRepository.Declared> before, List<ReportRepository.Declared> after,
                                  Map<ReportForm.Section, Report.Text> textsBefore, List<Report.Text> textsAfter) {
        List<String> out = new ArrayList<>();
        Set<String> kept = new HashSet<>();
        for (ReportRepository.Declared d : after) {
            String key = Figure.key(d.indicatorCode(), d.group());
            kept.add(key);
            if (!d.equals(before.get(key))) {
                out.add(key + "=" + (d.numerator() == null ? "" : d.numerator())
                        + (d.denominator() == null ? "" : "/" + d.denominator()));
            }
        }
        before.keySet().stream().filter(k -> !kept.contains(k)).forEach(k -> out.add(k + " cleared"));
        Set<ReportForm.Section> written = new HashSet<>();
        for (Report.Text t : textsAfter) {
            written.add(t.section());
            if (!t.equals(textsBefore.get(t.section()))) {
                out.add(t.section() + " text");
            }
        }
        textsBefore.keySet().stream().filter(s -> !written.contains(s)).forEach(s -> out.add(s + " cleared"));
        return out.isEmpty() ? "unchanged" : String.join("; ", out);
    }

    private void requireStarted(Period period) {
        if (period.start().isAfter(scope.today())) {
            throw new BusinessException("report.period.notStarted", period.id());
        }
    }

    private static void requireWithUnit(ReportStatus status) {
        if (status == ReportStatus.SUBMITTED) {
            throw new ConflictException("report.awaitingDecision");
        }
        if (status == ReportStatus.APPROVED) {
            throw new ConflictException("report.approvedFinal");
        }
    }

    /** Late: first handed in after the due day (Vietnam's calendar); the whole due day counts as on time. */
    static boolean late(Instant firstSubmittedAt, LocalDate dueOn, Clock clock) {
        return firstSubmittedAt != null && LocalDate.ofInstant(firstSubmittedAt, clock.getZone()).isAfter(dueOn);
    }

    /** Text as stored: NFC (files and phones mix forms), one kind of line break, no blank edges; paragraphs kept. */
    static String paragraphs(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    static String subject(ReportForm form, Unit unit, Period period) {
        return form.code() + "/" + unit.code() + "/" + period.id();
    }
}
