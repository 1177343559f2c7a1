package vn.binhdan.demo;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.binhdan.campaign.BudgetLine;
import vn.binhdan.campaign.BudgetLineForm;
import vn.binhdan.campaign.BudgetSource;
import vn.binhdan.campaign.Budgets;
import vn.binhdan.campaign.PlanSummary;
import vn.binhdan.campaign.Plans;
import vn.binhdan.campaign.SpendingForm;

/**
 * The province's plan has a budget: a provincial line, the demo ward's own line and a telecom's
 * sponsorship, with two quarters of spending (the ward's a little past its allocation).
 */
@Component
class DemoBudget {

    private final Plans plans;
    private final Budgets budgets;
    private final Clock clock;

    DemoBudget(Plans plans, Budgets budgets, Clock clock) {
        this.plans = plans;
        this.budgets = budgets;
        this.clock = clock;
    }

    @EventListener
    @Order(120)
    void on(DemoLoaded loaded) {
        PlanSummary plan = plans.list().stream().filter(p -> p.plan().title().equals(DemoDataLoader.PLAN_TITLE))
                .findFirst().orElse(null);
        if (plan == null) {
            return;
        }
        long id = plan.plan().id();
        int year = LocalDate.now(clock).getYear();
        BudgetLine province = budgets.addLine(id, new BudgetLineForm(null, loaded.province().id(), BudgetSource.PROVINCIAL,
                "Tập huấn tổ công nghệ số cộng đồng, thi trực tuyến, tuyên truyền", 1_200_000_000L, 1_000_000_000L, "VND"));
        BudgetLine ward = budgets.addLine(id, new BudgetLineForm(null, loaded.commune().id(), BudgetSource.COMMUNE,
                "Lớp học Bình dân học vụ số, phụ cấp tổ công nghệ số", 80_000_000L, 60_000_000L, "VND"));
        BudgetLine sponsor = budgets.addLine(id, new BudgetLineForm(null, loaded.province().id(), BudgetSource.SPONSORSHIP,
                "Viettel Đắk Lắk tài trợ gói dữ liệu và thiết bị cho điểm học tập cộng đồng", 300_000_000L, 300_000_000L, "VND"));
        budgets.spend(province.id(), new SpendingForm(year, 1, 350_000_000L, "Chứng từ số 12/KBNN", "VND", null));
        budgets.spend(province.id(), new SpendingForm(year, 2, 420_000_000L, "Chứng từ số 31/KBNN", "VND", null));
        budgets.spend(ward.id(), new SpendingForm(year, 1, 28_000_000L, "Phiếu chi 05/UBND", "VND", null));
        budgets.spend(ward.id(), new SpendingForm(year, 2, 36_500_000L, "Phiếu chi 19/UBND", "VND", null));
        budgets.spend(sponsor.id(), new SpendingForm(year, 2, 150_000_000L, "Biên bản bàn giao 02/VT-DLK", "VND", null));
    }
}
