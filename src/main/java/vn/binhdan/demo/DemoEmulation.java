package vn.binhdan.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.binhdan.emulation.AppraisalForm;
import vn.binhdan.emulation.CampaignForm;
import vn.binhdan.emulation.DecisionForm;
import vn.binhdan.emulation.Proposal;
import vn.binhdan.emulation.ProposalForm;
import vn.binhdan.emulation.ReviewForm;
import vn.binhdan.emulation.RewardCampaign;
import vn.binhdan.emulation.RewardForm;
import vn.binhdan.emulation.RewardProposals;
import vn.binhdan.emulation.YearEndReviews;
import vn.binhdan.people.PersonDirectory;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.UnitType;
import vn.binhdan.unit.Units;

/**
 * The year-end: two communes in three have recorded their review, and the province's
 * commendation campaign has the demo commune's proposals (itself and two residents) decided,
 * and a second commune's proposal waiting for appraisal.
 */
@Component
class DemoEmulation {

    private final YearEndReviews reviews;
    private final RewardProposals rewards;
    private final Units units;
    private final PersonDirectory persons;
    private final Clock clock;

    DemoEmulation(YearEndReviews reviews, RewardProposals rewards, Units units, PersonDirectory persons, Clock clock) {
        this.reviews = reviews;
        this.rewards = rewards;
        this.units = units;
        this.persons = persons;
        this.clock = clock;
    }

    @EventListener
    @Order(110)
    void on(DemoLoaded loaded) {
        LocalDate today = LocalDate.now(clock);
        int year = today.getYear();
        List<Unit> communes = units.subtree(loaded.province()).stream().filter(Unit::active)
                .filter(u -> u.type() == UnitType.COMMUNE || u.type() == UnitType.WARD).toList();
        for (int i = 0; i < communes.size(); i++) {
            Unit c = communes.get(i);
            if (i % 3 == 2 && c.id() != loaded.commune().id()) {
                continue;
            }
            LocalDate held = today.minusDays(i % 5);
            reviews.record(c.id(), year, new ReviewForm(held.getYear() == year ? held : today,
                    "Chủ tịch UBND " + c.name(), 60 + i % 40, (i + 1) + "/BB-UBND",
                    "Hoàn thành các chỉ tiêu phổ cập kỹ năng số năm " + year + "; tổ công nghệ số cộng đồng hoạt động đều.",
                    "Đề nghị tỉnh hỗ trợ thêm thiết bị cho điểm học tập cộng đồng."));
        }
        RewardCampaign campaign = rewards.createCampaign(new CampaignForm(loaded.province().id(),
                "Tổng kết năm " + year + " — phong trào Bình dân học vụ số", year));
        Unit commune = loaded.commune();
        List<Long> residents = persons.idsInGroup(commune.path(), TargetGroup.ADULT);
        List<Long> decided = new ArrayList<>();
        decided.add(propose(campaign, commune, commune.id(), null, RewardForm.PROVINCE_CERTIFICATE_OF_MERIT,
                "Tập thể có thành tích xuất sắc trong phong trào Bình dân học vụ số năm " + year + "."));
        String[] reasons = {"Tổ trưởng tổ công nghệ số cộng đồng, hướng dẫn hơn 300 lượt người dân dùng dịch vụ công trực tuyến.",
                "Đại sứ số, kèm cặp 25 người dân hoàn thành khóa kỹ năng số cơ bản."};
        for (int i = 0; i < Math.min(2, residents.size()); i++) {
            decided.add(propose(campaign, commune, null, residents.get(i), i == 0 ? RewardForm.PROVINCE_CERTIFICATE_OF_MERIT
                    : RewardForm.DEPARTMENT_COMMENDATION, reasons[i]));
        }
        for (long id : decided) {
            rewards.appraise(id, new AppraisalForm(true, "Đủ tiêu chuẩn theo Luật Thi đua, khen thưởng."));
        }
        rewards.decide(campaign.id(), new DecisionForm(year + "/QĐ-UBND", today, decided));
        communes.stream().filter(c -> c.id() != commune.id()).findFirst().ifPresent(other ->
                propose(campaign, other, other.id(), null, RewardForm.DEPARTMENT_COMMENDATION,
                        "Tỷ lệ người dân có kỹ năng số cơ bản cao nhất khu vực."));
    }

    private long propose(RewardCampaign campaign, Unit proposer, Long unitId, Long personId, RewardForm form,
                         String reason) {
        Proposal p = rewards.propose(campaign.id(), new ProposalForm(proposer.id(), unitId, personId, form, reason));
        rewards.submit(p.id());
        return p.id();
    }

}
