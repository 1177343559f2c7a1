package vn.binhdan.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.binhdan.community.Ambassadors;
import vn.binhdan.community.Families;
import vn.binhdan.community.FamilyCandidate;
import vn.binhdan.community.Market;
import vn.binhdan.community.Markets;
import vn.binhdan.community.NominationDraft;
import vn.binhdan.community.NominationKind;
import vn.binhdan.community.Recognition;
import vn.binhdan.people.PersonDirectory;
import vn.binhdan.people.PersonDirectory.HouseholdMember;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.Grant;
import vn.binhdan.shared.Role;
import vn.binhdan.shared.SystemUser;
import vn.binhdan.unit.Unit;

/**
 * The demo commune's ambassadors, families, market and model citizens, made through the same
 * services officers use: a three-generation cascade with some learners completed, two digital
 * families, a market with traders checked against 4T, one model citizen recognised by the
 * province and one village waiting for it. Approvals are made as the demo's officer and
 * administrator, since nobody may approve what they submitted.
 */
@Component
@ConditionalOnProperty("binhdan.demo.enabled")
class DemoCascade {

    private static final Logger log = LoggerFactory.getLogger(DemoCascade.class);

    private final Ambassadors ambassadors;
    private final Families families;
    private final Markets markets;
    private final Recognition recognition;
    private final PersonDirectory persons;
    private final Clock clock;

    DemoCascade(Ambassadors ambassadors, Families families, Markets markets, Recognition recognition,
                PersonDirectory persons, Clock clock) {
        this.ambassadors = ambassadors;
        this.families = families;
        this.markets = markets;
        this.recognition = recognition;
        this.persons = persons;
        this.clock = clock;
    }

    @EventListener
    void on(DemoLoaded loaded) {
        long start = System.nanoTime();
        Unit commune = loaded.commune();
        LocalDate today = LocalDate.now(clock);
        Set<Long> adults = new HashSet<>(persons.idsInGroup(commune.path(), TargetGroup.ADULT));
        // one adult per household, so that a cascade reaches across families rather than within one
        List<HouseholdMember> people = persons.householdMembersWithin(commune.path()).stream()
                .filter(m -> adults.contains(m.personId()))
                .collect(java.util.stream.Collectors.toMap(HouseholdMember::householdId, m -> m, (a, b) -> a,
                        java.util.LinkedHashMap::new))
                .values().stream().limit(14).toList();
        if (people.size() < 14) {
            log.warn("Demo cascade skipped: only {} adults in {}", people.size(), commune.name());
            return;
        }
        cascade(people, today);
        SystemUser.run(SystemUser.SYSTEM, () -> {
            List<FamilyCandidate> candidates = families.list(commune.id()).candidates();
            candidates.stream().limit(2).forEach(c -> families.declare(c.certifiedMembers().getFirst().personId(),
                    today.minusDays(10)));
            market(commune);
        });
        recognition(loaded, today);
        log.debug("Demo cascade, families, market and nominations took {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    /** First guide, five learners, two of them completed and guiding the third generation. */
    private void cascade(List<HouseholdMember> p, LocalDate today) {
        long root = p.get(0).personId();
        for (int i = 1; i <= 5; i++) {
            ambassadors.link(root, p.get(i).personId(), today.minusDays(60));
        }
        ambassadors.recordCompletion(p.get(1).personId(), today.minusDays(45));
        ambassadors.recordCompletion(p.get(2).personId(), today.minusDays(40));
        for (int i = 6; i <= 10; i++) {
            ambassadors.link(p.get(1).personId(), p.get(i).personId(), today.minusDays(30));
        }
        for (int i = 11; i <= 12; i++) {
            ambassadors.link(p.get(2).personId(), p.get(i).personId(), today.minusDays(20));
        }
        ambassadors.recordCompletion(p.get(6).personId(), today.minusDays(5));
    }

    private void market(Unit commune) {
        Market m = markets.create(commune.id(), "Chợ trung tâm " + commune.name());
        String[][] traders = {
                {"Nguyễn Thị Lan", "Sạp rau 12"}, {"Trần Văn Phúc", "Quầy cà phê 3"},
                {"H'Nga Byă", "Sạp thổ cẩm 7"}, {"Lê Thị Thu", "Quầy thịt 21"}};
        List<List<String>> checks = List.of(
                List.of("ECOMMERCE", "CASHLESS", "DIGITAL_SAVINGS"), List.of("CASHLESS", "DIGITAL_SAVINGS"),
                List.of("ECOMMERCE", "CASHLESS", "DIGITAL_SAVINGS"), List.of("CASHLESS"));
        for (int i = 0; i < traders.length; i++) {
            var t = markets.addTrader(m.id(), traders[i][0], traders[i][1], null);
            markets.check(m.id(), t.id(), checks.get(i));
        }
    }

    private void recognition(DemoLoaded loaded, LocalDate today) {
        AppUser team = user(DemoDataLoader.TEAM_MEMBER, Role.TEAM_MEMBER, loaded.village());
        AppUser officer = user(DemoDataLoader.COMMUNE_OFFICER, Role.COMMUNE_OFFICER, loaded.commune());
        AppUser admin = user(DemoDataLoader.PROVINCE_ADMIN, Role.PROVINCE_ADMIN, loaded.province());
        Set<Long> adults = new HashSet<>(persons.idsInGroup(loaded.village().path(), TargetGroup.ADULT));
        long citizen = persons.householdMembersWithin(loaded.village().path()).stream()
                .filter(m -> adults.contains(m.personId())).skip(3).findFirst().orElseThrow().personId();
        long model = SystemUser.call(team, () -> {
            long id = recognition.create(new NominationDraft(NominationKind.CITIZEN, citizen, null,
                    "Tự học và hướng dẫn hơn 30 người trong thôn cài VNeID mức độ 2, thanh toán bằng mã QR "
                            + "và nhận diện cuộc gọi lừa đảo.",
                    List.of("https://binhdanhocvuso.gov.vn/"), List.of("CERTIFIED", "VNEID", "GUIDES_OTHERS"))).id();
            recognition.submit(id);
            return id;
        });
        SystemUser.run(officer, () -> recognition.approve(model));
        SystemUser.run(admin, () -> recognition.approve(model));

        long village = SystemUser.call(team, () -> {
            long id = recognition.create(new NominationDraft(NominationKind.VILLAGE, null, loaded.village().id(),
                    "Tổ công nghệ số cộng đồng họp hằng tuần; đa số hộ dùng thanh toán không tiền mặt; "
                            + "thôn có nhóm Zalo thông tin chung.",
                    List.of("https://binhdanhocvuso.gov.vn/"), List.of("TEAM_ACTIVE", "CASHLESS", "INFORMATION"))).id();
            recognition.submit(id);
            return id;
        });
        SystemUser.run(officer, () -> recognition.approve(village));
    }

    private static AppUser user(String username, Role role, Unit unit) {
        return new AppUser(0, username, username, null, List.of(new Grant(role, unit.id(), unit.path())));
    }
}
