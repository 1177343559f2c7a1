package vn.binhdan.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import vn.binhdan.campaign.Indicators;
import vn.binhdan.campaign.Plan;
import vn.binhdan.campaign.PlanDraft;
import vn.binhdan.campaign.PlanImportResult;
import vn.binhdan.campaign.Plans;
import vn.binhdan.demo.DemoUnits.Commune;
import vn.binhdan.demo.DemoUnits.Village;
import vn.binhdan.identity.AccountService;
import vn.binhdan.identity.AccountService.GrantSpec;
import vn.binhdan.importing.ImportJob;
import vn.binhdan.importing.ImportService;
import vn.binhdan.monitoring.Rollups;
import vn.binhdan.people.NationalIds;
import vn.binhdan.people.PersonDirectory;
import vn.binhdan.shared.Role;
import vn.binhdan.shared.SystemUser;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.Units;

/**
 * Fills an empty database with Đắk Lắk: the official communes and wards, generated villages,
 * organisations and residents, and one account per role. It goes through the imports a
 * provincial administrator would use, so the demo data passes exactly the checks of real data.
 * A database that already has units is left alone, so a restart keeps what users changed.
 */
@Component
@ConditionalOnProperty("binhdan.demo.enabled")
class DemoDataLoader {

    static final String PASSWORD = "demo1234";
    static final String PROVINCE_ADMIN = "province-admin";
    static final String COMMUNE_OFFICER = "commune-officer";
    static final String TEAM_MEMBER = "team-member";
    static final String LEARNER = "learner";
    /** The provincial capital's central ward: the demo officer works where most visitors expect. */
    static final String OFFICER_COMMUNE = "Phường Buôn Ma Thuột";

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final String OFFICIAL_UNITS = "demo/dak-lak-units.csv";
    /** The province's 2026 plan, its task table typed from the issued document. */
    private static final String PLAN_TABLE = "demo/dak-lak-ke-hoach-2026.csv";
    static final String PLAN_TITLE = "Kế hoạch triển khai Phong trào “Bình dân học vụ số” năm 2026 trên địa bàn tỉnh";
    // Fixed seeds: the same demo every time, and a change of population size leaves the units as they were.
    private static final long UNIT_SEED = 20250701L;
    private static final long PERSON_SEED = 20250702L;

    private final ImportService imports;
    private final Units units;
    private final AccountService accounts;
    private final PersonDirectory persons;
    private final NationalIds nationalIds;
    private final DemoProperties props;
    private final Clock clock;
    private final Indicators indicators;
    private final Rollups rollups;
    private final Plans plans;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final DemoLoadingNotice notice;

    DemoDataLoader(ImportService imports, Units units, AccountService accounts, PersonDirectory persons,
                   NationalIds nationalIds, DemoProperties props, Clock clock, Indicators indicators, Rollups rollups,
                   Plans plans, org.springframework.context.ApplicationEventPublisher events, DemoLoadingNotice notice) {
        this.notice = notice;
        this.events = events;
        this.indicators = indicators;
        this.rollups = rollups;
        this.imports = imports;
        this.units = units;
        this.accounts = accounts;
        this.persons = persons;
        this.nationalIds = nationalIds;
        this.props = props;
        this.clock = clock;
        this.plans = plans;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        if (units.count() > 0) {
            notice.loading(false);
            log.info("Demo data not loaded: the database already has units");
            return;
        }
        log.info("Loading the demo data (about a minute); until it is done the login page says so"
                + " and the demo accounts do not exist yet. Stopped before the end, the data stays half"
                + " loaded: delete ./data/ to start afresh");
        notice.loading(true);
        try {
            SystemUser.run(SystemUser.SYSTEM, this::load);
        } finally {
            notice.loading(false);
        }
    }

    private void load() {
        long start = System.nanoTime();
        byte[] official = read(OFFICIAL_UNITS);
        run("UNIT", "dak-lak-units.csv", official);

        DemoUnits plan = DemoUnits.plan(official, new Random(UNIT_SEED));
        run("UNIT", "dak-lak-thon-va-to-chuc.csv", plan.csv());

        Commune commune = plan.communeNamed(OFFICER_COMMUNE).orElse(plan.communes.getFirst());
        Village village = plan.villagesByCommune.get(commune.code()).getFirst();
        DemoPopulation population = DemoPopulation.generate(plan, props.persons(), village, LocalDate.now(clock),
                new Random(PERSON_SEED));
        // Commune by commune, as the communes would do it, which also keeps each job's checks small.
        population.csvByCommune().forEach((c, csv) -> run("PERSON", "nguoi-dan-" + c.code() + ".csv", csv));

        createAccounts(plan, commune, village);
        run("DECLARED", "da-xac-nhan-pho-cap.csv", DemoCertified.csv(population.residents(), LocalDate.now(clock),
                new Random(PERSON_SEED + 1)));
        DemoCertified.setTargets(indicators, unit(plan.province.code()).id(), LocalDate.now(clock).getYear());
        rollups.refreshPopulation();
        loadPlan(unit(plan.province.code()));
        // the community records (teams, guidance, classes, ambassadors, ...) load on this, each part in its own class
        events.publishEvent(new DemoLoaded(unit(plan.province.code()), unit(commune.code()), unit(village.code())));
        log.info("Demo data loaded in {}: {} units ({} communes and wards, {} villages, {} organisations), "
                        + "{} persons, accounts {}, {}, {}, {} (password {})",
                String.format("%.1f s", (System.nanoTime() - start) / 1e9), units.count(),
                plan.communes.size(), plan.villages.size(), plan.organisations().size(),
                population.residents().size(), PROVINCE_ADMIN, COMMUNE_OFFICER, TEAM_MEMBER, LEARNER, PASSWORD);
    }

    private void createAccounts(DemoUnits plan, Commune commune, Village village) {
        Unit province = unit(plan.province.code());
        Unit communeUnit = unit(commune.code());
        Unit villageUnit = unit(village.code());
        accounts.create(PROVINCE_ADMIN, "Quản trị viên " + plan.province.name(), PASSWORD, null,
                List.of(new GrantSpec(Role.PROVINCE_ADMIN, province.id())));
        accounts.create(COMMUNE_OFFICER, "Cán bộ " + communeUnit.name(), PASSWORD, null,
                List.of(new GrantSpec(Role.COMMUNE_OFFICER, communeUnit.id())));
        accounts.create(TEAM_MEMBER, "Thành viên tổ công nghệ số cộng đồng " + villageUnit.name(), PASSWORD, null,
                List.of(new GrantSpec(Role.TEAM_MEMBER, villageUnit.id())));
        PersonDirectory.PersonRef learner = persons.findByIdHash(nationalIds.hash(DemoPopulation.LEARNER_ID_NUMBER))
                .orElseThrow(() -> new IllegalStateException("the demo learner was not imported"));
        accounts.create(LEARNER, learner.fullName(), PASSWORD, learner.id(),
                List.of(new GrantSpec(Role.LEARNER, learner.residenceUnitId())));
    }

    /** The province's plan goes through the import an officer would use, unit names matched the same way. */
    private void loadPlan(Unit province) {
        Plan created = plans.create(new PlanDraft(null, PLAN_TITLE, province.id(), null, 2026, 2026));
        PlanImportResult result = plans.importTasks(created.id(), "dak-lak-ke-hoach-2026.csv", read(PLAN_TABLE), false);
        if (!result.applied()) {
            throw new IllegalStateException("Demo plan not imported: " + result.errors());
        }
        log.debug("Demo plan: {} sections, {} tasks, names not matched: {}", result.sections(), result.tasks(),
                result.unmatched());
    }

    private Unit unit(String code) {
        return units.findByCode(code).orElseThrow(() -> new IllegalStateException("demo unit " + code + " missing"));
    }

    /** Runs one import to the end; anything but a clean apply stops the start-up with the first errors. */
    private void run(String kind, String fileName, byte[] content) {
        long start = System.nanoTime();
        ImportJob job = imports.runNow(kind, fileName, new ByteArrayInputStream(content), null);
        if (job.status() != ImportJob.Status.DONE) {
            List<String> errors = imports.errors(job.id(), 10);
            throw new IllegalStateException("Demo import of " + fileName + " ended " + job.status() + ": "
                    + job.message() + (errors.isEmpty() ? "" : "; first errors: " + String.join("; ", errors)));
        }
        log.debug("Demo import {} took {} ms: {}", fileName, (System.nanoTime() - start) / 1_000_000, job.message());
    }

    private static byte[] read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("demo resource " + resource + " missing", e);
        }
    }
}
