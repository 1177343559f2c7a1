package vn.binhdan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import vn.binhdan.campaign.PlanCollective;
import vn.binhdan.campaign.PlanDetail;
import vn.binhdan.campaign.PlanSection;
import vn.binhdan.campaign.PlanSummary;
import vn.binhdan.campaign.PlanTask;
import vn.binhdan.campaign.Plans;
import vn.binhdan.identity.AccountService;
import vn.binhdan.people.GroupCounts;
import vn.binhdan.people.PersonDirectory;
import vn.binhdan.people.PersonService;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.Grant;
import vn.binhdan.shared.Role;
import vn.binhdan.shared.SystemUser;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.UnitType;
import vn.binhdan.unit.Units;

/** What someone opening the demo sees: the province, its villages and people, and four working logins. */
@SpringBootTest(properties = {"binhdan.demo.enabled=true", "binhdan.demo.persons=3000"})
@ActiveProfiles("test")
class DemoDataTest {

    private final Units units;
    private final AccountService accounts;
    private final PersonService people;
    private final PersonDirectory directory;
    private final DemoDataLoader loader;
    @Autowired
    private vn.binhdan.monitoring.Dashboards dashboards;
    private final Plans plans;

    @Autowired
    DemoDataTest(Units units, AccountService accounts, PersonService people, PersonDirectory directory,
                 DemoDataLoader loader, Plans plans) {
        this.units = units;
        this.accounts = accounts;
        this.people = people;
        this.directory = directory;
        this.loader = loader;
        this.plans = plans;
    }

    private Unit province() {
        return units.findByCode("66").orElseThrow();
    }

    private Unit officerCommune() {
        return units.children(province().id()).stream()
                .filter(u -> u.name().equals("Phường Buôn Ma Thuột")).findFirst().orElseThrow();
    }

    @Test
    void provinceHasItsOfficialCommunesAndGeneratedVillagesAndOrganisations() {
        Unit province = province();
        assertThat(province.name()).isEqualTo("Tỉnh Đắk Lắk");
        List<Unit> children = units.children(province.id());
        assertThat(children).filteredOn(u -> u.type() == UnitType.COMMUNE || u.type() == UnitType.WARD).hasSize(102);
        assertThat(children).filteredOn(u -> u.type() == UnitType.DEPARTMENT)
                .extracting(Unit::name).contains("Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch");

        List<Unit> inWard = units.children(officerCommune().id());
        assertThat(inWard).filteredOn(u -> u.type() == UnitType.VILLAGE).hasSizeBetween(4, 8)
                .allSatisfy(v -> assertThat(v.name()).matches("(Tổ dân phố \\d+|Buôn .+)"));
        assertThat(inWard).filteredOn(u -> u.type() == UnitType.COMMUNE_OFFICE).singleElement()
                .extracting(Unit::name).isEqualTo("UBND phường Buôn Ma Thuột");
        assertThat(inWard).filteredOn(u -> u.type() == UnitType.SCHOOL).isNotEmpty()
                .allSatisfy(s -> assertThat(s.name()).startsWith("Trường "));

        Unit commune = children.stream().filter(u -> u.type() == UnitType.COMMUNE).findFirst().orElseThrow();
        assertThat(units.children(commune.id())).filteredOn(u -> u.type() == UnitType.VILLAGE)
                .extracting(Unit::name).anyMatch(n -> n.startsWith("Thôn "));
    }

    @Autowired
    private vn.binhdan.emulation.YearEndReviews reviews;
    @Autowired
    private vn.binhdan.emulation.RewardProposals rewards;

    @Test
    void mostCommunesHeldTheirYearEndReviewAndTheWardsProposalsAreDecided() {
        AppUser admin = accounts.authenticate("province-admin", "demo1234");
        int year = java.time.LocalDate.now().getYear();
        var overview = SystemUser.call(admin, () -> reviews.overview(province().id(), year));
        assertThat(overview.communes()).isEqualTo(102);
        assertThat(overview.held()).isBetween(60, 101);
        var campaign = SystemUser.call(admin, () -> rewards.campaigns()).getFirst();
        var detail = SystemUser.call(admin, () -> rewards.campaign(campaign.id()));
        assertThat(detail.decisions()).singleElement().satisfies(d -> assertThat(d.annex()).hasSize(3));
        assertThat(detail.proposals()).anyMatch(p -> p.status() == vn.binhdan.emulation.ProposalStatus.SUBMITTED);
    }

    @Autowired
    private vn.binhdan.campaign.Budgets budgets;

    @Test
    void theProvincesPlanHasABudgetWithTwoQuartersOfSpending() {
        AppUser admin = accounts.authenticate("province-admin", "demo1234");
        long plan = SystemUser.call(admin, () -> plans.list()).stream()
                .filter(p -> p.plan().title().equals(DemoDataLoader.PLAN_TITLE)).findFirst().orElseThrow().plan().id();
        var budget = SystemUser.call(admin, () -> budgets.budget(plan));
        assertThat(budget.lines()).hasSize(3);
        assertThat(budget.lines()).flatExtracting(l -> l.spending()).extracting(s -> s.quarter()).contains(1, 2);
        assertThat(budget.lines()).anyMatch(l -> l.warning() != null);
    }

    @Autowired
    private vn.binhdan.campaign.Partners partners;

    @Test
    void threePartnersWithCommitmentsPartlyDelivered() {
        AppUser admin = accounts.authenticate("province-admin", "demo1234");
        var list = SystemUser.call(admin, () -> partners.list(null));
        assertThat(list).extracting(vn.binhdan.campaign.Partner::name).contains("Viettel Đắk Lắk", "VNPT Đắk Lắk",
                "Agribank Chi nhánh Đắk Lắk");
        var viettel = list.stream().filter(p -> p.name().equals("Viettel Đắk Lắk")).findFirst().orElseThrow();
        assertThat(viettel.commitments()).anyMatch(c -> c.budgetLineId() != null && c.delivered() < c.committed());
    }

    @Test
    void registryHoldsThePopulationInAllFourTargetGroups() {
        AppUser admin = accounts.authenticate("province-admin", "demo1234");
        long provinceId = province().id();
        Map<Long, GroupCounts> counts = SystemUser.call(admin, () -> people.countsByChild(provinceId));
        GroupCounts total = counts.get(provinceId);
        assertThat(total.residents()).isEqualTo(3000);
        for (TargetGroup g : TargetGroup.values()) {
            assertThat(total.get(g)).as(g.name()).isPositive();
        }
        assertThat(total.get(TargetGroup.ADULT)).isBetween(1500L, 2700L);
        assertThat(total.get(TargetGroup.CIVIL_SERVANT)).isLessThan(total.get(TargetGroup.STUDENT));
    }

    @Test
    void fourDemoAccountsSignInWithTheirScopes() {
        Unit province = province();
        Unit ward = officerCommune();
        Unit otherCommune = units.children(province.id()).stream()
                .filter(u -> u.type() == UnitType.COMMUNE).findFirst().orElseThrow();
        Unit village = units.children(ward.id()).stream()
                .filter(u -> u.name().equals("Tổ dân phố 1")).findFirst().orElseThrow();

        AppUser admin = accounts.authenticate("province-admin", "demo1234");
        assertThat(admin.grants()).extracting(Grant::role).containsExactly(Role.PROVINCE_ADMIN);
        assertThat(admin.canActOn(otherCommune.path(), Role.PROVINCE_ADMIN)).isTrue();

        AppUser officer = accounts.authenticate("commune-officer", "demo1234");
        assertThat(officer.grants()).singleElement().satisfies(g -> {
            assertThat(g.role()).isEqualTo(Role.COMMUNE_OFFICER);
            assertThat(g.unitId()).isEqualTo(ward.id());
        });
        assertThat(officer.canActOn(village.path(), Role.COMMUNE_OFFICER)).isTrue();
        assertThat(officer.canActOn(otherCommune.path(), Role.COMMUNE_OFFICER)).isFalse();
        assertThat(officer.canActOn(province.path(), Role.COMMUNE_OFFICER)).isFalse();

        AppUser member = accounts.authenticate("team-member", "demo1234");
        assertThat(member.grants()).singleElement().satisfies(g -> {
            assertThat(g.role()).isEqualTo(Role.TEAM_MEMBER);
            assertThat(g.unitId()).isEqualTo(village.id());
        });

        AppUser learner = accounts.authenticate("learner", "demo1234");
        assertThat(learner.displayName()).isEqualTo("Nguyễn Thị Lan");
        assertThat(learner.personId()).isNotNull();
        PersonDirectory.PersonRef person = directory.find(learner.personId()).orElseThrow();
        assertThat(person.residenceUnitId()).isEqualTo(village.id());
        assertThat(learner.grants()).singleElement().satisfies(g -> {
            assertThat(g.role()).isEqualTo(Role.LEARNER);
            assertThat(g.unitId()).isEqualTo(village.id());
        });
    }

    @Autowired
    vn.binhdan.privacy.PrivacyNotices privacyNotices;

    @Test
    void theDemoLearnerMeetsTheProvincesPrivacyNoticeAtFirstLogin() {
        AppUser learner = accounts.authenticate("learner", "demo1234");
        assertThat(privacyNotices.pending(learner)).isTrue();
    }

    @Test
    void theProvincesPlanIsLoadedWithItsUnitsMatchedAndTheWardSeesItsTasks() {
        AppUser admin = accounts.authenticate("province-admin", "demo1234");
        PlanSummary summary = SystemUser.call(admin, () -> plans.list()).stream()
                .filter(s -> s.plan().title().equals(DemoDataLoader.PLAN_TITLE)).findFirst().orElseThrow();
        assertThat(summary.tasks()).isEqualTo(20);
        PlanDetail plan = SystemUser.call(admin, () -> plans.get(summary.plan().id()));
        assertThat(plan.sections()).extracting(PlanSection::number).containsExactly("I", "II", "III", "IV", "V", "VI");
        List<PlanTask> tasks = plan.sections().stream().flatMap(s -> s.tasks().stream()).toList();
        // the departments the demo has are found by name; "Công an tỉnh" is the province's police
        assertThat(tasks).flatExtracting(PlanTask::leads).filteredOn(u -> u.unitId() != null)
                .extracting(u -> u.unitName()).contains("Sở Khoa học và Công nghệ", "Công an tỉnh", "Sở Giáo dục và Đào tạo",
                        "Sở Văn hóa, Thể thao và Du lịch", "Sở Công Thương");
        assertThat(tasks).flatExtracting(PlanTask::leads).extracting(u -> u.collective()).contains(PlanCollective.COMMUNES);
        assertThat(plan.unmatched()).extracting(u -> u.name()).contains("Báo và Phát thanh, Truyền hình Đắk Lắk")
                .doesNotContain("Sở Khoa học và Công nghệ", "Công an tỉnh");

        AppUser officer = accounts.authenticate("commune-officer", "demo1234");
        PlanDetail seen = SystemUser.call(officer, () -> plans.get(summary.plan().id()));
        assertThat(seen.plan().editable()).isFalse();
        assertThat(seen.taskCount()).isBetween(10, 19);
    }

    @Autowired
    private vn.binhdan.community.classes.Classes classes;
    @Autowired
    private vn.binhdan.community.outreach.Outreach outreach;

    @Test
    void theWardHasHeldClassesWithLearnersAndThisMonthsOutreach() {
        AppUser officer = accounts.authenticate("commune-officer", "demo1234");
        var held = SystemUser.call(officer, () -> classes.list(null)).stream().filter(c -> c.countedOn() != null).toList();
        assertThat(held).hasSize(2);
        assertThat(held).allSatisfy(c -> assertThat(SystemUser.call(officer, () -> classes.get(c.id())).attendees()).isPositive());
        var month = SystemUser.call(officer, () -> outreach.month(officerCommune().id(), null));
        assertThat(month.posts() + month.others() + month.visual()).isEqualTo(6);
    }

    @Autowired
    private vn.binhdan.community.Ambassadors ambassadors;
    @Autowired
    private vn.binhdan.community.Recognition recognition;
    @Autowired
    private vn.binhdan.community.Families families;
    @Autowired
    private vn.binhdan.community.Markets markets;

    @Test
    void theWardHasAThreeGenerationAmbassadorCascadeAndModelCitizensOnTheirWay() {
        AppUser officer = accounts.authenticate("commune-officer", "demo1234");
        var cascades = SystemUser.call(officer, () -> ambassadors.list());
        assertThat(cascades).singleElement().satisfies(c -> {
            assertThat(c.generations()).isEqualTo(3);
            assertThat(c.reached()).isEqualTo(12);
            assertThat(c.completed()).isPositive();
        });
        var nominations = SystemUser.call(officer, () -> recognition.list());
        assertThat(nominations).extracting(n -> n.status().name()).containsExactlyInAnyOrder("PUBLISHED", "COMMUNE_APPROVED");
        assertThat(recognition.published()).hasSize(1);
        assertThat(SystemUser.call(officer, () -> families.list(null)).count()).isEqualTo(2);
        assertThat(SystemUser.call(officer, () -> markets.list())).singleElement()
                .satisfies(m -> assertThat(m.share()).isEqualTo(50.0));
    }

    @Test
    void aRestartKeepsTheDataAsItIs() {
        long before = units.count();
        loader.onReady();
        assertThat(units.count()).isEqualTo(before);
        assertThat(accounts.authenticate("learner", "demo1234").personId()).isNotNull();
    }

    @Test
    void theProvinceDashboardShowsEveryGroupAgainstItsTargetAndRanksTheCommunes() {
        vn.binhdan.monitoring.Dashboard d = vn.binhdan.shared.SystemUser.call(vn.binhdan.shared.SystemUser.SYSTEM,
                () -> dashboards.of(province().id(), null, java.util.Locale.forLanguageTag("vi")));
        List<vn.binhdan.monitoring.Dashboard.Kpi> shares = d.kpis().stream()
                .filter(k -> k.indicator().equals("CERTIFIED_SHARE")).toList();
        assertThat(shares).extracting(vn.binhdan.monitoring.Dashboard.Kpi::group)
                .containsExactlyInAnyOrder("CIVIL_SERVANT", "STUDENT", "WORKER", "ADULT");
        assertThat(shares).allSatisfy(k -> {
            assertThat(k.value()).as(k.group()).isBetween(5.0, 95.0);
            assertThat(k.target()).isEqualByComparingTo("100");
            assertThat(k.status()).isIn(vn.binhdan.monitoring.Dashboard.Status.BEHIND,
                    vn.binhdan.monitoring.Dashboard.Status.ON_TRACK);
        });
        assertThat(d.ranking()).hasSize(102);
        assertThat(d.ranking().getFirst().score()).isGreaterThan(d.ranking().get(50).score());
    }

    @Autowired
    private vn.binhdan.community.Teams teams;
    @Autowired
    private vn.binhdan.monitoring.Rollups rollups;

    @Test
    void theWardsVillagesHaveTeamsWhoseGuidanceCountsInTheWardsFigures() {
        Unit ward = officerCommune();
        AppUser officer = accounts.authenticate("commune-officer", "demo1234");
        List<vn.binhdan.community.Team> wardTeams = SystemUser.call(officer, () -> teams.list(ward.id()));
        assertThat(wardTeams).isNotEmpty().allSatisfy(t -> {
            assertThat(t.members()).isBetween(1, 5);
            assertThat(t.leaderName()).isNotBlank();
        });
        rollups.drain();
        long sessions = rollups.totals("GUIDANCE_SESSIONS", List.of(ward.id())).get(ward.id()).get("ALL");
        assertThat(sessions).as("three months of two or three visits a week per village")
                .isGreaterThan(15L * wardTeams.size());
        AppUser member = accounts.authenticate("team-member", "demo1234");
        vn.binhdan.community.TeamPage page = SystemUser.call(member, () -> teams.page(wardTeams.stream()
                .filter(t -> t.unitId() == member.grants().getFirst().unitId()).findFirst().orElseThrow().id(), null));
        assertThat(page.activity().sessions()).isPositive();
        assertThat(page.recent()).allSatisfy(s -> assertThat(s.recordedBy()).isEqualTo("team-member"));
    }

    @Test
    void theWardsDashboardCountsWhatItsCommunityDidWithoutAnyoneTypingIt() {
        rollups.drain();
        vn.binhdan.monitoring.Dashboard d = SystemUser.call(SystemUser.SYSTEM,
                () -> dashboards.of(officerCommune().id(), null, java.util.Locale.forLanguageTag("vi")));
        java.util.Map<String, Double> counts = new java.util.HashMap<>();
        d.kpis().stream().filter(k -> k.measure().equals("COUNT")).forEach(k -> counts.put(k.indicator(), k.value()));
        assertThat(counts.get("GUIDANCE_SESSIONS")).as("this year's guidance sessions").isGreaterThan(50.0);
        assertThat(counts.get("CLASSES_HELD")).isEqualTo(2.0);
        assertThat(counts.get("OUTREACH_POSTS") + counts.get("VISUAL_OUTREACH")).as("this month's outreach").isPositive();
        assertThat(counts.get("MODEL_CITIZENS")).isEqualTo(1.0);
    }
    @Autowired
    private org.springframework.jdbc.core.simple.JdbcClient contestRows;

    @org.junit.jupiter.api.Test
    void theContestHasThreeScoredRoundsWithEntriesFromAcrossTheProvinceAndOneOpenRound() {
        long contest = contestRows.sql("SELECT id FROM contest WHERE title = ?").param(DemoContest.TITLE)
                .query(Long.class).single();
        java.util.List<java.util.Map<String, Object>> rounds = contestRows.sql("""
                SELECT r.id, r.closed_at, r.true_count, r.closes_at,
                       (SELECT COUNT(*) FROM contest_entry e WHERE e.round_id = r.id) AS entries,
                       (SELECT COUNT(DISTINCT e.unit_path) FROM contest_entry e WHERE e.round_id = r.id) AS places
                FROM contest_round r WHERE r.contest_id = ? ORDER BY r.number""").param(contest).query().listOfRows();
        org.assertj.core.api.Assertions.assertThat(rounds).hasSize(4);
        for (int i = 0; i < 3; i++) {
            org.assertj.core.api.Assertions.assertThat(rounds.get(i).get("closed_at")).isNotNull();
            org.assertj.core.api.Assertions.assertThat(((Number) rounds.get(i).get("entries")).longValue()).isGreaterThan(50);
            org.assertj.core.api.Assertions.assertThat(((Number) rounds.get(i).get("places")).longValue()).isGreaterThan(5);
        }
        org.assertj.core.api.Assertions.assertThat(rounds.get(3).get("closed_at")).isNull();
        org.assertj.core.api.Assertions.assertThat(((java.sql.Timestamp) rounds.get(3).get("closes_at")).toInstant())
                .isAfter(java.time.Instant.now());
    }
}
