package vn.binhdan.campaign;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.campaign.internal.BudgetRepository;
import vn.binhdan.campaign.internal.BudgetRepository.LineRow;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.ConflictException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.shared.Role;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.Units;

/**
 * A plan's budget (kinh phí): funding lines held by the units that spend them, and spending per
 * quarter. A unit sees its own lines (and those under it) as estimate, allocated and spent;
 * spending past the allocation is kept, with a warning that says so, since the money has gone.
 * Once a quarter's report of the unit holding a line is approved, that quarter's spending is
 * final: it is neither edited nor added to, and a mistake is put right by a correction entry in
 * a quarter still open, naming the entry it corrects.
 */
@Service
public class Budgets {

    static final Set<Role> KEEPERS = EnumSet.of(Role.COMMUNE_OFFICER, Role.PROVINCE_ADMIN);
    static final Set<Role> READERS = EnumSet.of(Role.COMMUNE_OFFICER, Role.PROVINCE_ADMIN, Role.AGENCY_OFFICER);
    static final long MAX_AMOUNT = 1_000_000_000_000L;

    private final BudgetRepository repo;
    private final Plans plans;
    private final Units units;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final MessageSource messages;
    private final Clock clock;
    private final ObjectProvider<QuarterApprovals> approvals;

    public Budgets(BudgetRepository repo, Plans plans, Units units, AuditLog audit, TransactionTemplate tx,
                   MessageSource messages, Clock clock, ObjectProvider<QuarterApprovals> approvals) {
        this.approvals = approvals;
        this.repo = repo;
        this.plans = plans;
        this.units = units;
        this.audit = audit;
        this.tx = tx;
        this.messages = messages;
        this.clock = clock;
    }

    public BudgetLine addLine(long planId, BudgetLineForm form) {
        AppUser user = CurrentUser.require();
        PlanDetail plan = plans.get(planId);
        if (form == null || form.unitId() == null) {
            throw new BusinessException("budget.field", "unitId");
        }
        Unit issuer = units.find(plan.plan().issuerUnitId()).orElseThrow();
        Unit unit = units.find(form.unitId()).filter(u -> user.canActOn(u.path(), KEEPERS))
                .orElseThrow(() -> new NotFoundException("unit.notFound", form.unitId()));
        if (!unit.isWithin(issuer)) {
            throw new BusinessException("budget.unitOutsidePlan", "unitId");
        }
        if (form.taskId() != null && plan.sections().stream().flatMap(s -> s.tasks().stream())
                .noneMatch(t -> t.id() == form.taskId())) {
            throw new BusinessException("budget.field", "taskId");
        }
        if (form.source() == null) {
            throw new BusinessException("budget.field", "source");
        }
        vnd(form.currency());
        String title = form.title() == null ? "" : form.title().strip();
        if (title.isEmpty() || title.length() > 300) {
            throw new BusinessException("budget.field", "title");
        }
        long estimate = amount(form.estimate(), "estimate");
        long allocated = form.allocated() == null ? 0 : amount(form.allocated(), "allocated");
        long id = tx.execute(s -> {
            long created = repo.insertLine(planId, form.taskId(), unit.id(), unit.path(), form.source().name(), title,
                    estimate, allocated, user.username(), clock.instant());
            audit.record("CREATE", "budget_line", Long.toString(created), unit.path(), title);
            return created;
        });
        return view(repo.line(id).orElseThrow());
    }

    /**
     * The lines of the plan's budget the reader may see. A unit holding a line sees it even when
     * the plan's tasks are none of its own (the province funds the ward's classes).
     */
    public PlanBudget budget(long planId) {
        AppUser user = CurrentUser.require();
        boolean seesPlan = true;
        try {
            plans.get(planId);
        } catch (NotFoundException e) {
            seesPlan = false;
        }
        List<BudgetLine> lines = repo.lines(planId).stream()
                .filter(l -> user.canActOn(l.unitPath(), READERS))
                .map(this::view).toList();
        if (!seesPlan && lines.isEmpty()) {
            throw new NotFoundException("plan.notFound");
        }
        return new PlanBudget(planId, repo.planTitle(planId).orElse(""), lines,
                lines.stream().mapToLong(BudgetLine::estimate).sum(),
                lines.stream().mapToLong(BudgetLine::allocated).sum(), lines.stream().mapToLong(BudgetLine::spent).sum());
    }

    /**
     * Records a quarter's spending by the unit holding the line; past the allocation it is kept
     * with a warning. A quarter whose report is approved takes nothing more; a correction goes in
     * an open quarter and names the entry it corrects.
     */
    public BudgetLine spend(long lineId, SpendingForm form) {
        AppUser user = CurrentUser.require();
        LineRow line = keptLine(user, lineId);
        if (form == null) {
            throw new BusinessException("budget.field", "amount");
        }
        vnd(form.currency());
        int year = year(form.year());
        int quarter = quarter(form.quarter());
        String doc = documentRef(form.documentRef());
        long amount;
        if (form.correctsId() == null) {
            amount = amount(form.amount(), "amount");
        } else {
            BudgetRepository.SpendingRow corrected = repo.spendingEntry(form.correctsId())
                    .filter(e -> e.lineId() == lineId)
                    .orElseThrow(() -> new BusinessException("budget.field", "correctsId"));
            if (form.amount() == null || form.amount() > MAX_AMOUNT) {
                throw new BusinessException("budget.field", "amount");
            }
            amount = form.amount();
            if (amount < -corrected.amount()) {
                throw new BusinessException("budget.correctionTooLarge", format(-amount), format(corrected.amount()));
            }
        }
        if (amount == 0) {
            throw new BusinessException("budget.field", "amount");
        }
        if (approved(line.unitId(), year, quarter)) {
            throw new ConflictException("budget.quarterClosed", quarter, Integer.toString(year));
        }
        tx.executeWithoutResult(s -> {
            long id = repo.insertSpending(lineId, year, quarter, amount, doc, form.correctsId(), user.username(),
                    clock.instant());
            audit.record(form.correctsId() == null ? "SPEND" : "CORRECT", "budget_line", Long.toString(lineId),
                    line.unitPath(), "spending=" + id + " " + amount + " VND " + doc
                            + (form.correctsId() == null ? "" : " corrects=" + form.correctsId()));
        });
        return view(line);
    }

    /**
     * Puts right an entry of a quarter whose report is not approved yet (a typo in the amount or
     * the document). Once approved it is refused: the correction is a new entry.
     */
    public BudgetLine editSpending(long spendingId, SpendingForm form) {
        AppUser user = CurrentUser.require();
        BudgetRepository.SpendingRow entry = repo.spendingEntry(spendingId)
                .orElseThrow(() -> new NotFoundException("budget.spendingNotFound"));
        LineRow line = keptLine(user, entry.lineId());
        if (form == null) {
            throw new BusinessException("budget.field", "amount");
        }
        if (approved(line.unitId(), entry.year(), entry.quarter())) {
            throw new ConflictException("budget.locked", entry.quarter(), Integer.toString(entry.year()),
                    entry.documentRef());
        }
        vnd(form.currency());
        int year = form.year() == null ? entry.year() : year(form.year());
        int quarter = form.quarter() == null ? entry.quarter() : quarter(form.quarter());
        if (approved(line.unitId(), year, quarter)) {
            throw new ConflictException("budget.quarterClosed", quarter, Integer.toString(year));
        }
        String doc = form.documentRef() == null ? entry.documentRef() : documentRef(form.documentRef());
        long amount;
        if (entry.correctsId() == null) {
            amount = form.amount() == null ? entry.amount() : amount(form.amount(), "amount");
        } else {
            amount = form.amount() == null ? entry.amount() : form.amount();
            if (amount > MAX_AMOUNT) {
                throw new BusinessException("budget.field", "amount");
            }
        }
        if (amount == 0) {
            throw new BusinessException("budget.field", "amount");
        }
        tx.executeWithoutResult(s -> {
            repo.updateSpending(spendingId, year, quarter, amount, doc, user.username(), clock.instant());
            audit.record("EDIT_SPENDING", "budget_line", Long.toString(line.id()), line.unitPath(),
                    "spending=" + spendingId + " " + entry.amount() + " -> " + amount + " VND " + doc);
        });
        return view(line);
    }

    /** One line as its keeper sees it. */
    public BudgetLine line(long lineId) {
        AppUser user = CurrentUser.require();
        LineRow line = repo.line(lineId).filter(l -> user.canActOn(l.unitPath(), READERS))
                .orElseThrow(() -> new NotFoundException("budget.lineNotFound"));
        return view(line);
    }

    /** Whether the reader may record spending on the line (its unit is in their keeping). */
    public boolean canSpend(long lineId) {
        AppUser user = CurrentUser.require();
        return repo.line(lineId).filter(l -> user.canActOn(l.unitPath(), KEEPERS)).isPresent();
    }

    /** Whether the reader may add lines to the plan's budget (at the issuer or a unit below it). */
    public boolean canAddLines(long planId) {
        AppUser user = CurrentUser.require();
        PlanDetail plan;
        try {
            plan = plans.get(planId);
        } catch (NotFoundException e) {
            return false;
        }
        return units.find(plan.plan().issuerUnitId())
                .map(issuer -> user.scopePaths(KEEPERS).stream().anyMatch(p -> p.startsWith(issuer.path())
                        || issuer.path().startsWith(p)))
                .orElse(false);
    }

    /** The units under the plan's issuer the reader may give a line to. */
    public List<Unit> lineHolders(long planId) {
        AppUser user = CurrentUser.require();
        PlanDetail plan = plans.get(planId);
        Unit issuer = units.find(plan.plan().issuerUnitId()).orElseThrow();
        List<Unit> out = new ArrayList<>();
        if (user.canActOn(issuer.path(), KEEPERS)) {
            out.add(issuer);
        }
        units.children(issuer.id()).stream().filter(u -> user.canActOn(u.path(), KEEPERS)).forEach(out::add);
        if (out.isEmpty()) {
            user.scopePaths(KEEPERS).stream().filter(p -> p.startsWith(issuer.path()))
                    .flatMap(p -> units.find(lastId(p)).stream()).forEach(out::add);
        }
        return out;
    }

    /**
     * The budget of a unit's subtree for a report: the lines of the plans in force in the
     * quarter's year, and what they had spent by the end of the quarter. The caller has checked
     * that the reader may read the unit (the consolidated report does).
     */
    public BudgetSummary summaryWithin(Unit unit, int year, int quarter) {
        List<BudgetRepository.SubtreeLine> lines = repo.linesWithin(unit.path(), year);
        java.util.Map<Long, Long> spent = lines.isEmpty() ? java.util.Map.of() : repo.spentUpTo(unit.path(), year, quarter);
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        List<BudgetSummary.LineRow> rows = new ArrayList<>();
        java.util.EnumMap<BudgetSource, long[]> bySource = new java.util.EnumMap<>(BudgetSource.class);
        for (BudgetRepository.SubtreeLine l : lines) {
            String name = names.computeIfAbsent(l.unitId(), id -> units.find(id).map(Unit::name).orElse(""));
            long s = spent.getOrDefault(l.id(), 0L);
            BudgetSource source = BudgetSource.valueOf(l.source());
            rows.add(new BudgetSummary.LineRow(l.id(), l.planTitle(), name, source, l.title(), l.estimate(),
                    l.allocated(), s));
            long[] sums = bySource.computeIfAbsent(source, k -> new long[4]);
            sums[0]++;
            sums[1] += l.estimate();
            sums[2] += l.allocated();
            sums[3] += s;
        }
        List<BudgetSummary.SourceRow> sources = bySource.entrySet().stream()
                .map(e -> new BudgetSummary.SourceRow(e.getKey(), (int) e.getValue()[0], e.getValue()[1],
                        e.getValue()[2], e.getValue()[3])).toList();
        return new BudgetSummary(year, quarter, sources, rows, rows.stream().mapToLong(BudgetSummary.LineRow::estimate).sum(),
                rows.stream().mapToLong(BudgetSummary.LineRow::allocated).sum(),
                rows.stream().mapToLong(BudgetSummary.LineRow::spent).sum());
    }

    private LineRow keptLine(AppUser user, long lineId) {
        return repo.line(lineId).filter(l -> user.canActOn(l.unitPath(), KEEPERS))
                .orElseThrow(() -> new NotFoundException("budget.lineNotFound"));
    }

    private static long lastId(String path) {
        String[] parts = path.split("/");
        return Long.parseLong(parts[parts.length - 1]);
    }

    private boolean approved(long unitId, int year, int quarter) {
        return approvals.stream().anyMatch(a -> a.approved(unitId, year, quarter));
    }

    private int year(Integer year) {
        int thisYear = LocalDate.now(clock).getYear();
        if (year == null || year < 2020 || year > thisYear) {
            throw new BusinessException("budget.field", "year");
        }
        return year;
    }

    private static int quarter(Integer quarter) {
        if (quarter == null || quarter < 1 || quarter > 4) {
            throw new BusinessException("budget.field", "quarter");
        }
        return quarter;
    }

    private static String documentRef(String value) {
        String doc = value == null ? "" : value.strip();
        if (doc.isEmpty() || doc.length() > 200) {
            throw new BusinessException("budget.field", "documentRef");
        }
        return doc;
    }

    private static void vnd(String currency) {
        if (currency != null && !currency.isBlank() && !"VND".equalsIgnoreCase(currency.strip())) {
            throw new BusinessException("budget.currency", currency.strip());
        }
    }

    private static long amount(Long value, String field) {
        if (value == null) {
            throw new BusinessException("budget.field", field);
        }
        if (value < 0) {
            throw new BusinessException("budget.negative", field);
        }
        if (value > MAX_AMOUNT) {
            throw new BusinessException("budget.field", field);
        }
        return value;
    }

    private BudgetLine view(LineRow l) {
        List<BudgetLine.Spending> spending = new ArrayList<>();
        long spent = 0;
        for (BudgetRepository.SpendingRow s : repo.spending(l.id())) {
            spending.add(new BudgetLine.Spending(s.id(), s.year(), s.quarter(), s.amount(), s.documentRef(),
                    s.correctsId(), approved(l.unitId(), s.year(), s.quarter())));
            spent += s.amount();
        }
        Locale locale = LocaleContextHolder.getLocale();
        String warning = spent > l.allocated() ? messages.getMessage("budget.overAllocation",
                new Object[] {format(spent), format(l.allocated()), format(spent - l.allocated())}, locale) : null;
        return new BudgetLine(l.id(), l.planId(), l.taskId(), l.unitId(), units.find(l.unitId()).map(Unit::name).orElse(""),
                BudgetSource.valueOf(l.source()), l.title(), l.estimate(), l.allocated(), spent, warning, spending);
    }

    private static String format(long vnd) {
        return String.format(Locale.forLanguageTag("vi"), "%,d", vnd);
    }
}
