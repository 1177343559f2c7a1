package vn.binhdan.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.binhdan.certification.Certificates;
import vn.binhdan.certification.CertifiedSource;
import vn.binhdan.monitoring.internal.Drainer;
import vn.binhdan.monitoring.internal.Recompute;
import vn.binhdan.monitoring.internal.ReportedFeed;
import vn.binhdan.monitoring.internal.ReportedRepository;
import vn.binhdan.monitoring.internal.RollupRepository;
import vn.binhdan.monitoring.internal.RollupRepository.Cell;
import vn.binhdan.people.PersonDirectory;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.Role;

/**
 * The live values of computed metrics per unit (each unit's value covers its whole subtree),
 * the population denominators, and the check that recomputes everything from source rows.
 */
@Service
@Order(40)
public class Rollups implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Rollups.class);
    private static final int DETAIL_LINES = 50;

    /** A group's population in a unit: registry count, or the declared official figure. */
    public record Population(long counted, Long declared) {
        public long value() {
            return declared != null ? declared : counted;
        }
    }

    private final RollupRepository repo;
    private final Drainer drainer;
    private final Recompute recompute;
    private final PersonDirectory persons;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Certificates certificates;

    private final ReportedRepository reported;
    private final ReportedFeed reportedFeed;

    Rollups(RollupRepository repo, Drainer drainer, Recompute recompute, PersonDirectory persons, TransactionTemplate tx,
            Clock clock, Certificates certificates, ReportedRepository reported, ReportedFeed reportedFeed) {
        this.reported = reported;
        this.reportedFeed = reportedFeed;
        this.certificates = certificates;
        this.repo = repo;
        this.drainer = drainer;
        this.recompute = recompute;
        this.persons = persons;
        this.tx = tx;
        this.clock = clock;
    }

    /** unit → group → value, for the given units (missing means zero). */
    public Map<Long, Map<String, Long>> totals(String metric, Collection<Long> unitIds) {
        return repo.totals(metric, unitIds);
    }

    /** group → month → change in that month, for one unit. */
    public Map<String, Map<LocalDate, Long>> monthly(String metric, long unitId) {
        return repo.monthly(metric, unitId);
    }

    /** unit → group → population for a year: the declared figure where there is one. */
    public Map<Long, Map<TargetGroup, Population>> population(Collection<Long> unitIds, int year) {
        Map<Long, Map<String, Long>> counted = repo.population(unitIds);
        Map<Long, Map<TargetGroup, Long>> declared = persons.declaredDenominators(unitIds, year);
        Map<Long, Map<TargetGroup, Population>> out = new HashMap<>();
        for (Long id : unitIds) {
            Map<TargetGroup, Population> byGroup = new EnumMap<>(TargetGroup.class);
            for (TargetGroup g : TargetGroup.values()) {
                long c = counted.getOrDefault(id, Map.of()).getOrDefault(g.name(), 0L);
                Long d = declared.getOrDefault(id, Map.of()).get(g);
                byGroup.put(g, new Population(c, d));
            }
            out.put(id, byGroup);
        }
        return out;
    }

    /** Applies every waiting change now (the drainer does it on its own within a second). */
    public int drain() {
        return drainer.drainAll();
    }

    public long waiting() {
        return repo.waiting();
    }

    @Scheduled(fixedDelayString = "${binhdan.monitoring.population-every:PT15M}",
            initialDelayString = "${binhdan.monitoring.population-every:PT15M}")
    public void refreshPopulation() {
        Map<Long, Map<String, Long>> counts = recompute.population();
        tx.executeWithoutResult(s -> repo.replacePopulation(counts));
    }

    /** New or moved people change the denominators: counted again once their file is applied. */
    @org.springframework.context.event.EventListener
    void on(vn.binhdan.importing.ImportApplied applied) {
        if (("PERSON".equals(applied.kind()) || "UNIT".equals(applied.kind()))
                && applied.created() + applied.updated() > 0) {
            refreshPopulation();
        }
    }

    /** Recomputes from source rows and compares with the live values; recorded either way. */
    public RollupCheck check() {
        requireAdmin();
        return runCheck(CurrentUser.require().username());
    }

    @Scheduled(cron = "${binhdan.monitoring.check-cron:0 30 2 * * *}", zone = "Asia/Ho_Chi_Minh")
    void nightly() {
        RollupCheck c = runCheck("nightly");
        if (!c.passed()) {
            log.error("Nightly rollup check found {} differences: {}", c.differences(), c.detail());
        }
    }

    private RollupCheck runCheck(String by) {
        Instant started = clock.instant();
        drain();
        List<String> detail = new ArrayList<>();
        long[] compared = new long[1];
        int differences = compare(detail, compared);
        if (differences > 0) {
            // events that landed while we read count on one side only: look once more
            drain();
            detail.clear();
            compared[0] = 0;
            differences = compare(detail, compared);
        }
        Instant finished = clock.instant();
        int diffs = differences;
        String text = String.join("\n", detail);
        Long id = tx.execute(s -> {
            repo.saveCheck(started, finished, by, compared[0], diffs, text.isEmpty() ? null : text);
            return repo.lastCheckId();
        });
        return new RollupCheck(Objects.requireNonNull(id), started, finished, by, compared[0], diffs, List.copyOf(detail));
    }

    private int compare(List<String> detail, long[] compared) {
        Map<Cell, Long> expected = recompute.certified(source -> { });
        expected.putAll(recompute.community());
        int[] diffs = new int[1];
        for (String metric : Metrics.all()) {
            for (boolean monthly : new boolean[]{false, true}) {
                repo.forEachStored(metric, monthly, e -> {
                    compared[0]++;
                    long want = expected.getOrDefault(e.getKey(), 0L);
                    expected.remove(e.getKey());
                    if (want != e.getValue()) {
                        diffs[0]++;
                        note(detail, e.getKey(), e.getValue(), want);
                    }
                });
            }
        }
        expected.forEach((cell, want) -> {
            if (want != 0) {
                compared[0]++;
                diffs[0]++;
                note(detail, cell, 0, want);
            }
        });
        // approved report figures: the stored current ones against the approved reports themselves
        Map<Recompute.Reported, String> reportedWant = recompute.reported();
        for (ReportedRepository.Row r : reported.allCurrent()) {
            compared[0]++;
            Recompute.Reported key = new Recompute.Reported(r.unitId(), r.indicatorCode(), r.group(),
                    Integer.parseInt(r.periodId().substring(0, 4)));
            String live = Recompute.reportedText(r.periodId(), r.numerator(), r.denominator());
            String want = reportedWant.remove(key);
            if (!live.equals(want)) {
                diffs[0]++;
                noteReported(detail, key, live, want);
            }
        }
        reportedWant.forEach((key, want) -> {
            compared[0]++;
            diffs[0]++;
            noteReported(detail, key, null, want);
        });
        return diffs[0];
    }

    private static void noteReported(List<String> detail, Recompute.Reported k, String live, String want) {
        if (detail.size() < DETAIL_LINES) {
            detail.add("REPORTED unit=" + k.unitId() + " " + k.indicator() + "/" + k.group() + " year=" + k.year()
                    + ": live " + live + ", expected " + want);
        }
    }

    private static void note(List<String> detail, Cell c, long live, long want) {
        if (detail.size() < DETAIL_LINES) {
            detail.add(c.metric() + " unit=" + c.unitId() + " group=" + c.group()
                    + (c.month() == null ? " total" : " month=" + c.month()) + ": live " + live + ", expected " + want);
        }
    }

    /** Replaces the live values with the recomputed ones (a repair, and the start of a new install). */
    public void rebuild() {
        requireAdmin();
        rebuildNow();
    }

    private void rebuildNow() {
        long t0 = System.nanoTime();
        drain();
        // one transaction: readers see the old values until the new ones are complete
        int[] sources = new int[1];
        tx.executeWithoutResult(s -> {
            repo.clearCertified();
            List<CertifiedSource> batch = new ArrayList<>(RollupRepository.BATCH);
            Map<Cell, Long> values = recompute.certified(source -> {
                batch.add(source);
                sources[0]++;
                if (batch.size() == RollupRepository.BATCH) {
                    repo.insertCertified(batch);
                    batch.clear();
                }
            });
            repo.insertCertified(batch);
            repo.replace(Metrics.CERTIFIED, values);
            Map<String, Map<Cell, Long>> community = new HashMap<>();
            recompute.community().forEach((cell, v) -> community.computeIfAbsent(cell.metric(), k -> new HashMap<>()).put(cell, v));
            for (String metric : Metrics.all()) {
                if (!metric.equals(Metrics.CERTIFIED)) {
                    repo.replace(metric, community.getOrDefault(metric, Map.of()));
                }
            }
            // the approved figures again, one row per standing approval (the history of replaced
            // figures is what the reports themselves keep)
            reported.clear();
            recompute.forEachApproved(reportedFeed::store);
        });
        long t1 = System.nanoTime();
        refreshPopulation();
        log.info("Rebuilt the rollups from {} sources in {} ms, population in {} ms", sources[0], (t1 - t0) / 1_000_000,
                (System.nanoTime() - t1) / 1_000_000);
    }

    /** Certificates issued before the rollups existed are counted on the first start. */
    @Override
    public void run(ApplicationArguments args) {
        // counted here once rather than checked on every dashboard read; imports recount it after
        if (repo.populationEmpty()) {
            refreshPopulation();
        }
        if (repo.certifiedEmpty() && certificates.anyCertified()) {
            log.info("Counting the certificates issued before the rollups existed");
            rebuildNow();
        } else if (repo.rebuildPending()) {
            log.info("Recounting the live values this release counts differently");
            rebuildNow();
        }
        tx.executeWithoutResult(s -> repo.rebuildDone());
    }

    private static void requireAdmin() {
        AppUser user = CurrentUser.require();
        if (!user.has(Role.PROVINCE_ADMIN) && !user.has(Role.SYSTEM_ADMIN)) {
            throw new ForbiddenException("monitoring.checkForbidden");
        }
    }
}
