package vn.binhdan.campaign;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.campaign.internal.BudgetRepository;
import vn.binhdan.campaign.internal.BudgetRepository.LineRow;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.shared.Role;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.Units;

/**
 * A plan's budget (kinh phí): funding lines held by the units that spend them, and spending per
 * quarter. A unit sees its own lines (and those under it) as estimate, allocated and spent;
 * spending past the allocation is kept, with a warning that says so, since the money has gone.
 */
@Service
public class Budgets {

    static final Set<Role> KEEPERS = EnumSet.of(Role.COMMUNE_OFFICER, Role.PROVINCE_ADMIN);
    static final long MAX_AMOUNT = 1_000_000_000_000L;

    private final BudgetRepository repo;
    private final Plans plans;
    private final Units units;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final MessageSource messages;
    private final Clock clock;

    public Budgets(BudgetRepository repo, Plans plans, Units units, AuditLog audit, TransactionTemplate tx,
                   MessageSource messages, Clock clock) {
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

    public PlanBudget budget(long planId) {
        AppUser user = CurrentUser.require();
        plans.get(planId);
        List<BudgetLine> lines = repo.lines(planId).stream()
                .filter(l -> user.canActOn(l.unitPath(), EnumSet.of(Role.COMMUNE_OFFICER, Role.PROVINCE_ADMIN,
                        Role.AGENCY_OFFICER)))
                .map(this::view).toList();
        return new PlanBudget(planId, lines, lines.stream().mapToLong(BudgetLine::estimate).sum(),
                lines.stream().mapToLong(BudgetLine::allocated).sum(), lines.stream().mapToLong(BudgetLine::spent).sum());
    }

    /** Records a quarter's spending by the unit holding the line; past the allocation it is kept with a warning. */
    public BudgetLine spend(long lineId, SpendingForm form) {
        AppUser user = CurrentUser.require();
        LineRow line = repo.line(lineId).filter(l -> user.canActOn(l.unitPath(), KEEPERS))
                .orElseThrow(() -> new NotFoundException("budget.lineNotFound"));
        if (form == null) {
            throw new BusinessException("budget.field", "amount");
        }
        vnd(form.currency());
        int thisYear = LocalDate.now(clock).getYear();
        if (form.year() == null || form.year() < 2020 || form.year() > thisYear) {
            throw new BusinessException("budget.field", "year");
        }
        if (form.quarter() == null || form.quarter() < 1 || form.quarter() > 4) {
            throw new BusinessException("budget.field", "quarter");
        }
        long amount = amount(form.amount(), "amount");
        if (amount == 0) {
            throw new BusinessException("budget.field", "amount");
        }
        String doc = form.documentRef() == null ? "" : form.documentRef().strip();
        if (doc.isEmpty() || doc.length() > 200) {
            throw new BusinessException("budget.field", "documentRef");
        }
        tx.executeWithoutResult(s -> {
            repo.insertSpending(lineId, form.year(), form.quarter(), amount, doc, user.username(), clock.instant());
            audit.record("SPEND", "budget_line", Long.toString(lineId), line.unitPath(), amount + " VND " + doc);
        });
        return view(line);
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
            spending.add(new BudgetLine.Spending(s.id(), s.year(), s.quarter(), s.amount(), s.documentRef()));
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
