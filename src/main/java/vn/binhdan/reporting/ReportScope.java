package vn.binhdan.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.binhdan.campaign.Indicator;
import vn.binhdan.campaign.Indicators;
import vn.binhdan.reporting.internal.FormRepository;
import vn.binhdan.reporting.internal.ReportRepository;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.shared.Role;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.Units;

/**
 * Who may do what with a report, and the lookups every report operation starts with. A unit's
 * report is written by the officers of the unit (or of a unit above it) and decided by the level
 * above: someone holding an approving role over the unit's parent, other than whoever submitted
 * it. A top-level unit (a province) has no level above on the platform: only a system
 * administrator decides its report.
 */
@Component
class ReportScope {

    static final List<Role> WRITERS = List.of(Role.COMMUNE_OFFICER, Role.PROVINCE_ADMIN);
    static final List<Role> READERS = WRITERS;
    static final List<Role> APPROVERS = List.of(Role.PROVINCE_ADMIN, Role.COMMUNE_OFFICER);

    /** Official codes are digits: shorter first, so 999 comes before 1000. */
    static final Comparator<Unit> OFFICIAL_ORDER = Comparator.comparing((Unit u) -> u.code().length())
            .thenComparing(Unit::code);

    private final FormRepository forms;
    private final Indicators indicators;
    private final Units units;
    private final Clock clock;

    ReportScope(FormRepository forms, Indicators indicators, Units units, Clock clock) {
        this.forms = forms;
        this.indicators = indicators;
        this.units = units;
        this.clock = clock;
    }

    /** The form's current version: the one new reports are started on. */
    ReportForm form(String code) {
        return forms.find(code).orElseThrow(() -> new NotFoundException("report.formNotFound", code));
    }

    /** The version of the form a stored report was started on; the current one for a report not yet started. */
    ReportForm asFiled(ReportForm current, ReportRepository.Row row) {
        if (row == null || row.formVersion() == current.version()) {
            return current;
        }
        return forms.find(current.code(), row.formVersion()).orElse(current);
    }

    /** Every form of every province, for work no user asks for (a rebuild at start). */
    List<ReportForm> allForms() {
        return forms.all();
    }

    /** The forms the signed-in user works with: the platform's, and those of the provinces they are in or over. */
    List<ReportForm> forms() {
        AppUser user = CurrentUser.require();
        return forms.all().stream().filter(f -> visible(user, f)).toList();
    }

    boolean visible(AppUser user, ReportForm form) {
        if (form.ownerCode() == null || user.has(Role.SYSTEM_ADMIN)) {
            return true;
        }
        String owner = ownerPath(form);
        // a commune officer is inside the province; a national reader (none today) would be above it
        return owner != null && user.grants().stream()
                .anyMatch(g -> g.unitPath().startsWith(owner) || owner.startsWith(g.unitPath()));
    }

    /** The owner's path; null when the owner is not (yet) on the platform, so nobody below files it. */
    String ownerPath(ReportForm form) {
        return form.ownerCode() == null ? "/" : units.findByCode(form.ownerCode()).map(Unit::path).orElse(null);
    }

    /** The form's indicators still in the catalogue, in the form's order. */
    List<Indicator> items(ReportForm form) {
        return form.indicatorCodes().stream().flatMap(c -> indicators.find(c).stream()).toList();
    }

    Period period(ReportForm form, String text) {
        Period p = Period.parse(text);
        if (p.type() != form.periodType()) {
            throw new BusinessException("report.period.wrongType." + form.periodType(), p.id(),
                    Period.containing(form.periodType(), today()).id());
        }
        return p;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    Unit unit(long id) {
        return units.find(id).orElseThrow(() -> new NotFoundException("unit.notFound", id));
    }

    java.util.Optional<Unit> byCode(String code) {
        return units.findByCode(code);
    }

    Unit readable(AppUser user, long unitId) {
        Unit unit = unit(unitId);
        if (!user.canActOn(unit.path(), READERS)) {
            throw new ForbiddenException("report.forbidden");
        }
        return unit;
    }

    Unit writable(AppUser user, long unitId) {
        Unit unit = readable(user, unitId);
        if (!user.canActOn(unit.path(), WRITERS)) {
            throw new ForbiddenException("report.forbidden");
        }
        return unit;
    }

    void requireFiler(ReportForm form, Unit unit) {
        String owner = ownerPath(form);
        if (!form.filedBy(unit.type()) || owner == null || !unit.path().startsWith(owner)) {
            throw new BusinessException("report.notFiler", unit.name(), form.code());
        }
    }

    /**
     * The active children of a unit that file the form: whom its completeness and consolidation
     * cover, in the order of their official codes, the order of the national list of units.
     */
    List<Unit> reportingChildren(ReportForm form, Unit unit) {
        return units.children(unit.id()).stream().filter(u -> form.filedBy(u.type()))
                .sorted(OFFICIAL_ORDER).toList();
    }

    /** Whether the user is the level above the unit: an approving role over its parent. */
    boolean above(AppUser user, Unit unit) {
        if (unit.parentId() == null) {
            return user.has(Role.SYSTEM_ADMIN);
        }
        return units.find(unit.parentId()).map(p -> user.canActOn(p.path(), APPROVERS)).orElse(false);
    }

    /** Whether the user may remind and oversee the units below this one. */
    boolean oversees(AppUser user, Unit unit) {
        return user.canActOn(unit.path(), APPROVERS);
    }
}
