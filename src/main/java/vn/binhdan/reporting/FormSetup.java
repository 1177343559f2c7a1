package vn.binhdan.reporting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.campaign.Indicators;
import vn.binhdan.reporting.InvalidReport.FieldError;
import vn.binhdan.reporting.internal.FormRepository;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.ConflictException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.Grant;
import vn.binhdan.shared.Role;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.UnitType;

/**
 * Report forms as a province sets them up: its indicators and sections, period type, due rules
 * per level and reminders. Every edit is a new version; a report keeps the version it was started
 * on, so an edit never changes a report a unit is filling in or has filed. The period type of a
 * form is fixed once made (a quarterly form turned yearly would orphan its quarters' reports):
 * another kind of period is another form.
 */
@Service
public class FormSetup {

    static final String SUBJECT = "REPORT_FORM";
    static final int MAX_NAME = 300;
    static final int MAX_REMINDERS = 5;
    static final int MAX_REMINDER_DAYS = 60;
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,39}");

    /**
     * A form as typed. {@code dueRule} and the values of {@code levelDueRules} (keyed by unit
     * type) are written as the form files write them: {@code FIXED_DATE 12-10},
     * {@code QUARTER_LAST_MONTH_DAY 15}. {@code ownerUnitId}: the province setting it up, needed
     * only by someone administering several.
     */
    public record FormRequest(String code, String nameVi, String nameEn, String periodType, String dueRule,
                              Map<String, String> levelDueRules, List<String> reporters, List<String> indicators,
                              List<String> sections, List<Integer> reminderDays, Long ownerUnitId) {
    }

    /** A form with who owns it and its versions, newest first. */
    public record FormDetail(ReportForm form, String ownerName, List<FormVersion> versions) {
    }

    public record FormVersion(int version, String createdBy, Instant createdAt) {
    }

    private final FormRepository forms;
    private final ReportScope scope;
    private final Indicators indicators;
    private final AuditLog audit;
    private final Clock clock;

    FormSetup(FormRepository forms, ReportScope scope, Indicators indicators, AuditLog audit, Clock clock) {
        this.forms = forms;
        this.scope = scope;
        this.indicators = indicators;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the signed-in user sets up forms at all (a provincial or system administrator). */
    public boolean setsUpForms() {
        AppUser user = CurrentUser.require();
        return user.has(Role.PROVINCE_ADMIN) || user.has(Role.SYSTEM_ADMIN);
    }

    /** The forms the user may edit: those of the provinces they administer (all, for a system administrator). */
    public List<ReportForm> editable() {
        AppUser user = requireSetter();
        return forms.all().stream().filter(f -> mayEdit(user, f)).toList();
    }

    public FormDetail detail(String code) {
        AppUser user = requireSetter();
        ReportForm form = scope.form(code);
        if (!mayEdit(user, form)) {
            throw new ForbiddenException("form.forbidden");
        }
        String owner = form.ownerCode() == null ? null
                : scope.byCode(form.ownerCode()).map(Unit::name).orElse(form.ownerCode());
        return new FormDetail(form, owner, forms.versions(code).stream()
                .map(v -> new FormVersion(v.version(), v.createdBy(), v.createdAt())).toList());
    }

    @Transactional
    public ReportForm create(FormRequest request) {
        AppUser user = requireSetter();
        Unit owner = owner(user, request.ownerUnitId());
        List<FieldError> errors = new ArrayList<>();
        String code = request.code() == null ? "" : request.code().strip().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            errors.add(new FieldError("code", "form.code.invalid"));
        }
        ReportForm form = read(code, 1, owner.code(), request, errors);
        if (!errors.isEmpty()) {
            throw new InvalidReport(errors);
        }
        if (forms.exists(code)) {
            throw new ConflictException("form.code.taken", code);
        }
        forms.insert(form, user.username(), clock.instant());
        audit.record("CREATE", SUBJECT, code, owner.path(), summary(form));
        return forms.find(code).orElseThrow();
    }

    /** Writes the next version; reports already started keep theirs. */
    @Transactional
    public ReportForm update(String code, FormRequest request) {
        AppUser user = requireSetter();
        ReportForm current = scope.form(code);
        if (!mayEdit(user, current)) {
            throw new ForbiddenException("form.forbidden");
        }
        List<FieldError> errors = new ArrayList<>();
        ReportForm form = read(current.code(), current.version() + 1, current.ownerCode(), request, errors);
        if (errors.isEmpty() && form.periodType() != current.periodType()) {
            errors.add(new FieldError("periodType", "form.periodType.fixed"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidReport(errors);
        }
        int version = forms.addVersion(form, user.username(), clock.instant());
        String ownerPath = scope.ownerPath(current);
        audit.record("UPDATE", SUBJECT, code, ownerPath == null ? "/" : ownerPath, "version=" + version + "; " + summary(form));
        return forms.find(code).orElseThrow();
    }

    private ReportForm read(String code, int version, String ownerCode, FormRequest r, List<FieldError> errors) {
        String nameVi = r.nameVi() == null ? "" : Reports.paragraphs(r.nameVi());
        String nameEn = r.nameEn() == null || r.nameEn().isBlank() ? nameVi : Reports.paragraphs(r.nameEn());
        if (nameVi.isEmpty()) {
            errors.add(new FieldError("nameVi", "form.name.required"));
        } else if (nameVi.length() > MAX_NAME || nameEn.length() > MAX_NAME) {
            errors.add(new FieldError("nameVi", "form.name.tooLong", MAX_NAME));
        }
        Period.Type type = null;
        try {
            type = Period.Type.valueOf(r.periodType() == null ? "" : r.periodType().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("periodType", "form.periodType.invalid"));
        }
        DueRule due = dueRule("dueRule", r.dueRule(), type, errors);
        List<UnitType> reporters = new ArrayList<>();
        for (String t : r.reporters() == null ? List.<String>of() : r.reporters()) {
            try {
                UnitType u = UnitType.valueOf(t.strip().toUpperCase(Locale.ROOT));
                if (!reporters.contains(u)) {
                    reporters.add(u);
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("reporters", "form.reporter.invalid", t));
            }
        }
        if (reporters.isEmpty() && errors.stream().noneMatch(e -> e.field().equals("reporters"))) {
            errors.add(new FieldError("reporters", "form.reporters.required"));
        }
        Map<UnitType, DueRule> levels = new EnumMap<>(UnitType.class);
        if (r.levelDueRules() != null) {
            r.levelDueRules().forEach((level, text) -> {
                if (text == null || text.isBlank()) {
                    return;
                }
                UnitType u;
                try {
                    u = UnitType.valueOf(level.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("due-" + level, "form.reporter.invalid", level));
                    return;
                }
                if (!reporters.contains(u)) {
                    errors.add(new FieldError("due-" + u, "form.due.levelNotReporter"));
                    return;
                }
                DueRule rule = dueRule("due-" + u, text, null, errors);
                if (rule != null) {
                    levels.put(u, rule);
                }
            });
        }
        if (type != null) {
            for (Map.Entry<UnitType, DueRule> e : levels.entrySet()) {
                if (!e.getValue().fits(type)) {
                    errors.add(new FieldError("due-" + e.getKey(), "form.due.notForPeriod." + type));
                }
            }
        }
        List<String> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String i : r.indicators() == null ? List.<String>of() : r.indicators()) {
            String c = i == null ? "" : i.strip();
            if (indicators.find(c).isEmpty()) {
                errors.add(new FieldError("indicators", "form.indicator.unknown", c));
            } else if (seen.add(c)) {
                items.add(c);
            }
        }
        if (items.isEmpty() && errors.stream().noneMatch(e -> e.field().equals("indicators"))) {
            errors.add(new FieldError("indicators", "form.indicators.required"));
        }
        List<ReportForm.Section> sections = new ArrayList<>();
        for (String s : r.sections() == null ? List.<String>of() : r.sections()) {
            try {
                ReportForm.Section section = ReportForm.Section.valueOf(s.strip().toUpperCase(Locale.ROOT));
                if (!sections.contains(section)) {
                    sections.add(section);
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("sections", "report.sectionUnknown", s));
            }
        }
        // the plans' order, whatever order the boxes were ticked in
        sections.sort(null);
        Set<Integer> reminders = new LinkedHashSet<>();
        for (Integer d : r.reminderDays() == null ? List.<Integer>of() : r.reminderDays()) {
            if (d == null || d < 1 || d > MAX_REMINDER_DAYS) {
                errors.add(new FieldError("reminderDays", "form.reminderDays.range", MAX_REMINDER_DAYS));
                break;
            }
            reminders.add(d);
        }
        if (reminders.size() > MAX_REMINDERS) {
            errors.add(new FieldError("reminderDays", "form.reminderDays.tooMany", MAX_REMINDERS));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        List<Integer> days = new ArrayList<>(reminders);
        days.sort(java.util.Comparator.reverseOrder());
        return new ReportForm(code, version, ownerCode, nameVi, nameEn, type, due, levels, reporters, items, sections, days);
    }

    /** Reads a due rule, refusing one that names no real day or does not fit the period type. */
    private static DueRule dueRule(String field, String text, Period.Type type, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(field, "form.due.required"));
            return null;
        }
        DueRule rule;
        try {
            rule = DueRule.parse(text);
        } catch (BusinessException e) {
            errors.add(new FieldError(field, e.messageKey(), e.args()));
            return null;
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "form.due.invalid", text.strip()));
            return null;
        }
        if (type != null && !rule.fits(type)) {
            errors.add(new FieldError(field, "form.due.notForPeriod." + type));
            return null;
        }
        return rule;
    }

    /** The province the form is set up for: the one given, or the one province the user administers. */
    private Unit owner(AppUser user, Long ownerUnitId) {
        Long id = ownerUnitId;
        if (id == null) {
            List<Long> provinces = user.grants().stream().filter(g -> g.role() == Role.PROVINCE_ADMIN)
                    .map(Grant::unitId).distinct().toList();
            if (provinces.size() != 1) {
                throw new InvalidReport(List.of(new FieldError("ownerUnitId", "form.owner.required")));
            }
            id = provinces.getFirst();
        }
        Unit unit = scope.unit(id);
        if (!user.canActOn(unit.path(), List.of(Role.PROVINCE_ADMIN))) {
            throw new ForbiddenException("form.forbidden");
        }
        if (unit.type() != UnitType.PROVINCE) {
            throw new InvalidReport(List.of(new FieldError("ownerUnitId", "form.owner.notProvince", unit.name())));
        }
        return unit;
    }

    private boolean mayEdit(AppUser user, ReportForm form) {
        if (user.has(Role.SYSTEM_ADMIN)) {
            return true;
        }
        String path = form.ownerCode() == null ? null : scope.ownerPath(form);
        return path != null && user.canActOn(path, List.of(Role.PROVINCE_ADMIN));
    }

    private AppUser requireSetter() {
        AppUser user = CurrentUser.require();
        if (!user.has(Role.PROVINCE_ADMIN) && !user.has(Role.SYSTEM_ADMIN)) {
            throw new ForbiddenException("form.forbidden");
        }
        return user;
    }

    private static String summary(ReportForm f) {
        return f.periodType() + "; due=" + f.dueRule() + (f.levelDueRules().isEmpty() ? "" : "; levels=" + f.levelDueRules())
                + "; reporters=" + f.reporters() + "; indicators=" + String.join(",", f.indicatorCodes())
                + "; reminders=" + f.reminderDays();
    }
}
