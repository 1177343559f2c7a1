package vn.binhdan.emulation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.emulation.internal.ReviewRepository;
import vn.binhdan.emulation.internal.ReviewRepository.Row;
import vn.binhdan.monitoring.Counted;
import vn.binhdan.monitoring.Metrics;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.shared.Role;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.UnitType;
import vn.binhdan.unit.Units;

/**
 * Year-end reviews: a commune (ward, special zone) records its review once a year and may correct
 * it; the officers above see which communes under them held theirs. The plans ask every commune to
 * hold it by 31/12 and to report to the province by 10/12 (Đắk Lắk's dates).
 */
@Service
public class YearEndReviews {

    /** Who records a commune's review, and who follows them up: officers of the unit or above. */
    public static final Set<Role> OFFICERS = EnumSet.of(Role.COMMUNE_OFFICER, Role.PROVINCE_ADMIN);
    static final Set<UnitType> COMMUNES = EnumSet.of(UnitType.COMMUNE, UnitType.WARD, UnitType.SPECIAL_ZONE);
    static final MonthDay REPORT_BY = MonthDay.of(12, 10);
    static final MonthDay HOLD_BY = MonthDay.of(12, 31);

    private final ReviewRepository repo;
    private final Units units;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public YearEndReviews(ReviewRepository repo, Units units, AuditLog audit, TransactionTemplate tx, Clock clock,
                          ApplicationEventPublisher events) {
        this.repo = repo;
        this.units = units;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.events = events;
    }

    Unit unitInScope(long unitId) {
        AppUser user = CurrentUser.require();
        Unit unit = units.find(unitId).orElseThrow(() -> new NotFoundException("unit.notFound", unitId));
        if (!user.canActOn(unit.path(), OFFICERS)) {
            // a unit outside one's area is not confirmed to exist
            throw new NotFoundException("unit.notFound", unitId);
        }
        return unit;
    }

    public java.util.Optional<YearEndReview> find(long unitId, int year) {
        Unit unit = unitInScope(unitId);
        checkYear(year);
        return repo.find(unit.id(), year).map(r -> view(r, unit.name()));
    }

    public YearEndReview record(long unitId, int year, ReviewForm form) {
        AppUser user = CurrentUser.require();
        Unit unit = unitInScope(unitId);
        if (!COMMUNES.contains(unit.type())) {
            throw new BusinessException("emulation.review.communeOnly");
        }
        checkYear(year);
        ReviewForm f = checked(form, year);
        Runnable save = () -> tx.executeWithoutResult(s -> {
            java.util.Optional<Row> before = repo.find(unit.id(), year);
            repo.save(unit.id(), unit.path(), year, f, user.username(), clock.instant());
            audit.record("RECORD", "year_end_review", unit.id() + "/" + year, unit.path(), f.heldOn().toString());
            // the compliance figure counts the review on the day it was held: a corrected date moves it
            List<Counted.Count> counts = new ArrayList<>();
            if (before.isEmpty()) {
                counts.add(new Counted.Count(Metrics.YEAR_END_REVIEWS, unit.path(), f.heldOn(), 1));
            } else if (!before.get().heldOn().equals(f.heldOn())) {
                counts.add(new Counted.Count(Metrics.YEAR_END_REVIEWS, before.get().unitPath(), before.get().heldOn(), -1));
                counts.add(new Counted.Count(Metrics.YEAR_END_REVIEWS, before.get().unitPath(), f.heldOn(), 1));
            }
            if (!counts.isEmpty()) {
                events.publishEvent(new Counted("year-end-review:" + java.util.UUID.randomUUID(), counts));
            }
        });
        try {
            save.run();
        } catch (DuplicateKeyException raced) {
            // two officers saved the first version at once: the second becomes an edit
            save.run();
        }
        return repo.find(unit.id(), year).map(r -> view(r, unit.name())).orElseThrow();
    }

    public ReviewOverview overview(long unitId, int year) {
        AppUser user = CurrentUser.require();
        Unit root = unitInScope(unitId);
        checkYear(year);
        Map<Long, Row> held = repo.within(root.path(), year).stream()
                .collect(Collectors.toMap(Row::unitId, Function.identity()));
        LocalDate reportBy = REPORT_BY.atYear(year);
        List<ReviewOverview.Line> lines = new ArrayList<>();
        for (Unit u : units.subtree(root)) {
            if (!COMMUNES.contains(u.type()) || !u.active()) {
                continue;
            }
            Row r = held.get(u.id());
            lines.add(new ReviewOverview.Line(u.id(), u.name(), r != null, r == null ? null : r.heldOn(),
                    r == null ? !LocalDate.now(clock).isBefore(reportBy.plusDays(1)) : r.heldOn().isAfter(reportBy),
                    user.canActOn(u.path(), OFFICERS)));
        }
        lines.sort(java.util.Comparator.comparing(ReviewOverview.Line::held)
                .thenComparing(ReviewOverview.Line::unitName, java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi"))));
        int count = (int) lines.stream().filter(ReviewOverview.Line::held).count();
        return new ReviewOverview(root.id(), root.name(), year, reportBy, HOLD_BY.atYear(year), lines.size(), count,
                lines);
    }

    private ReviewForm checked(ReviewForm f, int year) {
        if (f == null || f.heldOn() == null) {
            throw new BusinessException("emulation.field", "heldOn");
        }
        if (f.heldOn().getYear() != year && !(f.heldOn().getYear() == year + 1 && f.heldOn().getMonthValue() == 1)) {
            // a review of the year is held in its last weeks, at the latest early in January
            throw new BusinessException("emulation.review.heldOnYear", year);
        }
        if (f.heldOn().isAfter(LocalDate.now(clock))) {
            throw new BusinessException("emulation.review.heldOnFuture");
        }
        String chair = text(f.chair(), "chair", 200, true);
        if (f.attendance() == null || f.attendance() < 1 || f.attendance() > 100_000) {
            throw new BusinessException("emulation.field", "attendance");
        }
        return new ReviewForm(f.heldOn(), chair, f.attendance(), text(f.minutesRef(), "minutesRef", 300, false),
                text(f.results(), "results", 8000, false), text(f.proposals(), "proposals", 8000, false));
    }

    static String text(String s, String field, int max, boolean required) {
        String t = s == null ? null : s.strip();
        if (t == null || t.isEmpty()) {
            if (required) {
                throw new BusinessException("emulation.field", field);
            }
            return null;
        }
        if (t.length() > max) {
            throw new BusinessException("emulation.tooLong", field, max);
        }
        return t;
    }

    private void checkYear(int year) {
        if (year < 2020 || year > LocalDate.now(clock).getYear() + 1) {
            throw new BusinessException("emulation.field", "year");
        }
    }

    private static YearEndReview view(Row r, String unitName) {
        return new YearEndReview(r.id(), r.unitId(), unitName, r.year(), r.heldOn(), r.chair(), r.attendance(),
                r.minutesRef(), r.results(), r.proposals(), r.recordedBy(), r.updatedAt());
    }

    /** The units the user follows up: the roots of their officer grants. */
    public List<Unit> roots() {
        AppUser user = CurrentUser.require();
        if (user.has(Role.SYSTEM_ADMIN)) {
            return units.roots();
        }
        return units.findByIds(user.grants().stream().filter(g -> OFFICERS.contains(g.role())).map(g -> g.unitId())
                .distinct().toList());
    }

}
