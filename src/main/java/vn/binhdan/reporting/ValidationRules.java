package vn.binhdan.reporting;

import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.campaign.Indicator;
import vn.binhdan.reporting.InvalidReport.FieldError;
import vn.binhdan.reporting.internal.rules.RuleEngine;
import vn.binhdan.reporting.internal.rules.RuleRepository;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.ConflictException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.Grant;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.shared.Role;
import vn.binhdan.unit.Unit;

/**
 * The province's administration of its validation rules. A province administrator creates rules
 * for the reports of its province and changes or switches off those; the rules shipped for every
 * province are changed by a system administrator only, so one province cannot loosen another's
 * checks. A bad rule (unknown indicator, bad operator or expression) is refused with the field.
 */
@Service
public class ValidationRules {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private static final String SUBJECT = "VALIDATION_RULE";

    private final RuleRepository rules;
    private final RuleEngine engine;
    private final ReportScope scope;
    private final AuditLog audit;
    private final Clock clock;

    ValidationRules(RuleRepository rules, RuleEngine engine, ReportScope scope, AuditLog audit, Clock clock) {
        this.rules = rules;
        this.engine = engine;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    /** The rules that check the user's reports: the shipped ones and those of the user's province(s). */
    public List<ValidationRule> list() {
        AppUser user = CurrentUser.require();
        return rules.all().stream().filter(s -> s.unitPath() == null || user.grants().stream()
                .anyMatch(g -> g.unitPath() != null && (g.unitPath().startsWith(s.unitPath())
                        || s.unitPath().startsWith(g.unitPath()))))
                .map(RuleRepository.Stored::rule).toList();
    }

    @Transactional
    public ValidationRule create(ValidationRule.Draft d) {
        AppUser user = CurrentUser.require();
        Unit province = province(user);
        String code = d.code() == null ? "" : d.code().strip();
        if (!CODE.matcher(code).matches()) {
            throw new InvalidReport(List.of(new FieldError("code", "rules.bad.code")));
        }
        if (rules.exists(code)) {
            throw new ConflictException("rules.bad.codeTaken", code);
        }
        ValidationRule rule = read(code, d, province.id(), true, rules.nextSortOrder(), user);
        engineCheck(rule, province.path());
        rules.insert(rule);
        audit.record("CREATE", SUBJECT, code, province.path(), describe(rule));
        return rule;
    }

    @Transactional
    public ValidationRule change(String code, ValidationRule.Draft d) {
        AppUser user = CurrentUser.require();
        RuleRepository.Stored s = owned(user, code);
        ValidationRule rule = read(code, d, s.rule().unitId(), s.rule().active(), s.rule().sortOrder(), user);
        engineCheck(rule, s.unitPath());
        rules.update(rule);
        audit.record("UPDATE", SUBJECT, code, s.unitPath() == null ? "/" : s.unitPath(), describe(rule));
        return rule;
    }

    @Transactional
    public ValidationRule setActive(String code, boolean active) {
        AppUser user = CurrentUser.require();
        RuleRepository.Stored s = owned(user, code);
        ValidationRule r = s.rule();
        ValidationRule changed = new ValidationRule(r.code(), r.indicatorCode(), r.measure(), r.group(), r.leftSide(),
                r.operator(), r.rightSide(), r.importance(), r.messageVi(), r.messageEn(), r.unitId(), active,
                r.sortOrder(), user.username(), clock.instant());
        rules.update(changed);
        audit.record(active ? "ACTIVATE" : "DEACTIVATE", SUBJECT, code, s.unitPath() == null ? "/" : s.unitPath(), null);
        return changed;
    }

    /** The province the user administers: the rule's owner. */
    private Unit province(AppUser user) {
        return user.grants().stream().filter(g -> g.role() == Role.PROVINCE_ADMIN).map(Grant::unitId)
                .findFirst().map(scope::unit)
                .orElseThrow(() -> new ForbiddenException("rules.forbidden"));
    }

    private RuleRepository.Stored owned(AppUser user, String code) {
        RuleRepository.Stored s = rules.find(code).orElseThrow(() -> new NotFoundException("rules.notFound", code));
        boolean allowed = s.unitPath() == null ? user.has(Role.SYSTEM_ADMIN)
                : user.canActOn(s.unitPath(), Role.PROVINCE_ADMIN);
        if (!allowed) {
            throw new ForbiddenException("rules.forbidden");
        }
        return s;
    }

    private ValidationRule read(String code, ValidationRule.Draft d, Long unitId, boolean active, int order, AppUser user) {
        List<FieldError> errors = new java.util.ArrayList<>();
        Indicator.Measure measure = null;
        if (d.measure() != null && !d.measure().isBlank()) {
            try {
                measure = Indicator.Measure.valueOf(d.measure().strip());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("measure", "rules.bad.measure"));
            }
        }
        ValidationRule.Importance importance = null;
        try {
            importance = ValidationRule.Importance.valueOf(d.importance() == null ? "" : d.importance().strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("importance", "rules.bad.importance"));
        }
        ValidationRule.Operator operator = ValidationRule.Operator.parse(d.operator());
        if (operator == null) {
            errors.add(new FieldError("operator", "rules.bad.operator"));
        }
        String vi = d.messageVi() == null ? "" : d.messageVi().strip();
        if (vi.isEmpty() || vi.length() > 500 || (d.messageEn() != null && d.messageEn().length() > 500)) {
            errors.add(new FieldError("messageVi", "rules.bad.message"));
        }
        for (String side : new String[] {d.leftSide(), d.rightSide()}) {
            if (side != null && side.length() > 300) {
                errors.add(new FieldError("leftSide", "rules.bad.expression", side.substring(0, 40), "> 300"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidReport(errors);
        }
        String indicator = d.indicatorCode() == null || d.indicatorCode().isBlank() ? ValidationRule.EVERY_INDICATOR
                : d.indicatorCode().strip();
        String group = d.group() == null || d.group().isBlank() ? null : d.group().strip();
        String en = d.messageEn() == null || d.messageEn().isBlank() ? vi : d.messageEn().strip();
        return new ValidationRule(code, indicator, measure, group, d.leftSide(), operator, d.rightSide(), importance, vi,
                en, unitId, active, order, user.username(), clock.instant());
    }

    private void engineCheck(ValidationRule rule, String unitPath) {
        try {
            engine.compile(rule, unitPath);
        } catch (RuleEngine.BadRule e) {
            throw new InvalidReport(List.of(new FieldError(e.field, e.messageKey, e.args)));
        }
    }

    private static String describe(ValidationRule r) {
        return r.indicatorCode() + (r.group() == null ? "" : "/" + r.group()) + ": " + r.leftSide() + " "
                + r.operator().symbol() + " " + r.rightSide() + " [" + r.importance() + "]";
    }
}
