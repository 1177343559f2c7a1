package vn.binhdan.demo;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.binhdan.campaign.BudgetLine;
import vn.binhdan.campaign.BudgetSource;
import vn.binhdan.campaign.Budgets;
import vn.binhdan.campaign.CommitmentForm;
import vn.binhdan.campaign.CommitmentKind;
import vn.binhdan.campaign.DeliveryForm;
import vn.binhdan.campaign.Partner;
import vn.binhdan.campaign.PartnerForm;
import vn.binhdan.campaign.PartnerKind;
import vn.binhdan.campaign.Partners;
import vn.binhdan.campaign.PlanSummary;
import vn.binhdan.campaign.Plans;

/**
 * Three partners of the province, as the plans name them: Viettel (classes, volunteers and the
 * money of the budget's sponsorship line), VNPT (data packages, devices) and a bank (cashless
 * payment classes, contest prizes), each with part of its commitments delivered.
 */
@Component
class DemoPartners {

    private final Plans plans;
    private final Budgets budgets;
    private final Partners partners;
    private final Clock clock;

    DemoPartners(Plans plans, Budgets budgets, Partners partners, Clock clock) {
        this.plans = plans;
        this.budgets = budgets;
        this.partners = partners;
        this.clock = clock;
    }

    @EventListener
    @Order(121)
    void on(DemoLoaded loaded) {
        LocalDate today = LocalDate.now(clock);
        int year = today.getYear();
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        LocalDate earlier = today.minusDays(30).getYear() == year ? today.minusDays(30) : from;
        Long sponsorship = plans.list().stream().filter(p -> p.plan().title().equals(DemoDataLoader.PLAN_TITLE))
                .findFirst().map(PlanSummary::plan).map(p -> budgets.budget(p.id()).lines().stream()
                        .filter(l -> l.source() == BudgetSource.SPONSORSHIP).map(BudgetLine::id).findFirst().orElse(null))
                .orElse(null);
        long province = loaded.province().id();

        Partner viettel = partners.register(new PartnerForm(province, "Viettel Đắk Lắk", PartnerKind.TELECOM,
                "Phòng Khách hàng doanh nghiệp"));
        viettel = partners.commit(viettel.id(), new CommitmentForm(CommitmentKind.MONEY,
                "Tài trợ gói dữ liệu và thiết bị cho điểm học tập cộng đồng", 300_000_000L, from, to, sponsorship, null, null,
                "VND"));
        viettel = partners.commit(viettel.id(), new CommitmentForm(CommitmentKind.CLASSES,
                "Mở lớp “Bình dân học vụ số” tại các xã vùng sâu", 20L, from, to, null, null, null, null));
        viettel = partners.commit(viettel.id(), new CommitmentForm(CommitmentKind.VOLUNTEERS,
                "Kỹ thuật viên hỗ trợ cài đặt, kích hoạt VNeID", 40L, from, to, null, null, null, null));
        partners.deliver(viettel.commitments().get(0).id(), new DeliveryForm(earlier, 150_000_000L,
                "Biên bản bàn giao 02/VT-DLK", "VND"));
        partners.deliver(viettel.commitments().get(1).id(), new DeliveryForm(earlier, 12L, "Biên bản 05/VT-DLK", null));
        partners.deliver(viettel.commitments().get(2).id(), new DeliveryForm(today, 40L, "Danh sách tình nguyện viên", null));

        Partner vnpt = partners.register(new PartnerForm(province, "VNPT Đắk Lắk", PartnerKind.TELECOM, null));
        vnpt = partners.commit(vnpt.id(), new CommitmentForm(CommitmentKind.DATA_PACKAGES,
                "Gói dữ liệu 4G miễn phí 3 tháng cho học viên lớp học", 2_000L, from, to, null, null, null, null));
        vnpt = partners.commit(vnpt.id(), new CommitmentForm(CommitmentKind.DEVICES,
                "Máy tính bảng cho điểm học tập cộng đồng", 100L, LocalDate.of(year, 3, 1), LocalDate.of(year, 10, 10), null,
                null, null, null));
        partners.deliver(vnpt.commitments().get(0).id(), new DeliveryForm(earlier, 1_250L, "Biên bản 11/VNPT-DLK", null));
        partners.deliver(vnpt.commitments().get(1).id(), new DeliveryForm(earlier, 60L, "Biên bản 12/VNPT-DLK", null));

        Partner bank = partners.register(new PartnerForm(province, "Agribank Chi nhánh Đắk Lắk", PartnerKind.BANK,
                "Phòng Dịch vụ và Marketing"));
        bank = partners.commit(bank.id(), new CommitmentForm(CommitmentKind.CLASSES,
                "Lớp hướng dẫn thanh toán không dùng tiền mặt tại chợ", 10L, from, to, null, null, null, null));
        bank = partners.commit(bank.id(), new CommitmentForm(CommitmentKind.PRIZES,
                "Giải thưởng cuộc thi trực tuyến tìm hiểu chuyển đổi số", 15L, LocalDate.of(year, 8, 1),
                LocalDate.of(year, 10, 10), null, null, null, null));
        partners.deliver(bank.commitments().get(0).id(), new DeliveryForm(earlier, 4L, "Biên bản 03/AGR-DLK", null));
    }
}
