package vn.binhdan.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.campaign.Indicator;
import vn.binhdan.reporting.internal.ReportRepository;
import vn.binhdan.reporting.internal.Summing;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.unit.Unit;

/**
 * The level above's side of a period: which of its units have reported and on time, reminders
 * to those behind, and the consolidation of the approved reports.
 */
@Service
public class Oversight {

    private final ReportScope scope;
    private final ReportRepository repo;
    private final Reminders reminders;
    private final AuditLog audit;
    private final Clock clock;
    private final vn.binhdan.campaign.Budgets budgets;

    Oversight(ReportScope scope, ReportRepository repo, Reminders reminders, AuditLog audit, Clock clock,
              vn.binhdan.campaign.Budgets budgets) {
        this.budgets = budgets;
        this.scope = scope;
        this.reminders = reminders;
        this.repo = repo;
        this.audit = audit;
        this.clock = clock;
    }

    public Completeness completeness(String formCode, long unitId, String periodId) {
        AppUser user = CurrentUser.require();
        ReportForm form = scope.form(formCode);
        Period period = scope.period(form, periodId);
        Unit unit = scope.readable(user, unitId);
        return completeness(user, form, unit, period);
    }

    /**
     * Reminds every reporting child that has not handed in the period's report: the reminder is
     * shown on that unit's report page and sent to the unit's contacts (e-mail, text message),
     * each outcome recorded. Not one transaction: each reminder commits before it is sent.
     */
    public Completeness remind(String formCode, long unitId, String periodId) {
        AppUser user = CurrentUser.require();
        ReportForm form = scope.form(formCode);
        Period period = scope.period(form, periodId);
        Unit unit = scope.readable(user, unitId);
        if (!scope.oversees(user, unit)) {
            throw new ForbiddenException("report.remindForbidden");
        }
        Completeness before = completeness(user, form, unit, period);
        List<Unit> behind = before.behind().stream().map(c -> scope.unit(c.unitId())).toList();
        reminders.remind(form, period, unit, behind, user.username(), null);
        if (!behind.isEmpty()) {
            audit.record("REMIND", Reports.SUBJECT, form.code() + "/" + unit.code() + "/" + period.id(), unit.path(),
                    "units=" + String.join(",", behind.stream().map(Unit::code).toList()));
        }
        return completeness(user, form, unit, period);
    }

    private Completeness completeness(AppUser user, ReportForm form, Unit unit, Period period) {
        List<Unit> children = scope.reportingChildren(form, unit);
        // the children's level is the one due: a province's completeness is about its communes' date
        LocalDate due = form.dueOn(period, children.isEmpty() ? null : children.getFirst().type());
        boolean pastDue = scope.today().isAfter(due);
        List<Long> ids = children.stream().map(Unit::id).toList();
        Map<Long, ReportRepository.Row> rows = repo.ofUnits(form.code(), period.id(), ids);
        Map<Long, ReportRepository.ReminderStats> reminders = repo.reminderStats(form.code(), period.id(), ids);
        List<Completeness.Child> out = new ArrayList<>();
        int reported = 0;
        int approved = 0;
        int late = 0;
        for (Unit child : children) {
            ReportRepository.Row r = rows.get(child.id());
            ReportStatus status = r == null ? ReportStatus.NOT_STARTED : r.status();
            LocalDate childDue = r == null ? form.dueOn(period, child.type()) : r.dueOn();
            boolean isLate = r != null && Reports.late(r.firstSubmittedAt(), childDue, clock);
            ReportRepository.ReminderStats rs = reminders.get(child.id());
            out.add(new Completeness.Child(child.id(), child.code(), child.name(), status,
                    r == null ? null : r.submittedBy(), r == null ? null : r.firstSubmittedAt(), isLate,
                    !status.reported() && scope.today().isAfter(childDue), rs == null ? 0 : rs.count(),
                    rs == null ? null : rs.last()));
            reported += status.reported() ? 1 : 0;
            approved += status == ReportStatus.APPROVED ? 1 : 0;
            late += isLate ? 1 : 0;
        }
        int expected = children.size();
        boolean anyBehind = reported < expected;
        return new Completeness(form.code(), form.name(LocaleContextHolder.getLocale()), unit.id(), unit.name(), period,
                due, pastDue, expected, reported, approved, late, expected - reported, percent(reported, expected),
                percent(reported - countLateReported(out), expected), percent(approved, expected), out,
                anyBehind && scope.oversees(user, unit));
    }

    private static int countLateReported(List<Completeness.Child> children) {
        return (int) children.stream().filter(c -> c.late() && c.status().reported()).count();
    }

    /** The sums of the approved reports of the unit's reporting children, with each child's own figures. */
    public Consolidated consolidated(String formCode, long unitId, String periodId) {
        AppUser user = CurrentUser.require();
        ReportForm form = scope.form(formCode);
        Period period = scope.period(form, periodId);
        Unit unit = scope.readable(user, unitId);
        List<Indicator> items = scope.items(form);
        List<Consolidated.Column> columns = new ArrayList<>();
        for (Indicator i : items) {
            for (String g : i.groupKeys()) {
                columns.add(new Consolidated.Column(i.code(), i.name(LocaleContextHolder.getLocale()), i.measure(),
                        i.source(), g));
            }
        }
        List<Unit> children = scope.reportingChildren(form, unit);
        Map<Long, ReportRepository.Row> rows = repo.ofUnits(form.code(), period.id(), children.stream().map(Unit::id).toList());
        List<Long> approvedIds = rows.values().stream().filter(r -> r.status() == ReportStatus.APPROVED)
                .map(ReportRepository.Row::id).toList();
        Map<Long, Map<String, Figure>> figures = repo.figures(approvedIds);
        Map<Long, Map<ReportForm.Section, Report.Text>> texts = repo.texts(approvedIds);

        List<Consolidated.ChildRow> childRows = new ArrayList<>();
        Map<String, List<Figure>> byColumn = new HashMap<>();
        Map<ReportForm.Section, List<Consolidated.UnitText>> bySection = new HashMap<>();
        LocalDate due = form.dueOn(period, children.isEmpty() ? null : children.getFirst().type());
        for (Unit child : children) {
            ReportRepository.Row r = rows.get(child.id());
            ReportStatus status = r == null ? ReportStatus.NOT_STARTED : r.status();
            boolean included = status == ReportStatus.APPROVED;
            Map<String, Figure> own = included ? figures.getOrDefault(r.id(), Map.of()) : Map.of();
            List<Figure> row = new ArrayList<>();
            for (Consolidated.Column c : columns) {
                String key = Figure.key(c.indicatorCode(), c.group());
                Figure f = own.getOrDefault(key, Figure.of(c.indicatorCode(), c.group(), null, null, null, null, null, null));
                row.add(f);
                if (included) {
                    byColumn.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
                }
            }
            if (included) {
                for (ReportForm.Section s : form.sections()) {
                    Report.Text t = texts.getOrDefault(r.id(), Map.of()).get(s);
                    if (t != null && !t.body().isBlank()) {
                        bySection.computeIfAbsent(s, k -> new ArrayList<>()).add(new Consolidated.UnitText(child.name(), t.body()));
                    }
                }
            }
            childRows.add(new Consolidated.ChildRow(child.id(), child.code(), child.name(), status, included,
                    r == null ? null : r.submittedAt(), r != null && Reports.late(r.firstSubmittedAt(), r.dueOn(), clock),
                    row));
        }
        List<Figure> totals = columns.stream().map(c -> Summing.sum(c.indicatorCode(), c.group(), c.share(),
                byColumn.getOrDefault(Figure.key(c.indicatorCode(), c.group()), List.of()))).toList();
        List<Consolidated.SectionTexts> sections = form.sections().stream()
                .map(s -> new Consolidated.SectionTexts(s, bySection.getOrDefault(s, List.of()))).toList();
        return new Consolidated(form.code(), form.name(LocaleContextHolder.getLocale()), unit.id(), unit.code(),
                unit.name(), period, due, clock.instant(), columns, childRows, totals, approvedIds.size(), sections,
                budgets.summaryWithin(unit, period.end().getYear(), (period.end().getMonthValue() + 2) / 3));
    }

    static BigDecimal percent(int part, int whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
