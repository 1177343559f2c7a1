package vn.binhdan.privacy;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.privacy.internal.PrivacyRepository;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.ConflictException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.shared.Role;
import vn.binhdan.shared.SystemUser;
import vn.binhdan.shared.privacy.RetentionTarget;

/**
 * Retention rules as data, one per kind of record, and the nightly job that applies them. The job
 * runs on one instance at a time (a row claimed by a conditional update, as a lease that expires
 * if the instance dies) and writes a report of what it changed.
 */
@Service
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    private static final String JOB = "retention";
    private static final Duration LEASE = Duration.ofHours(1);
    static final List<Role> KEEPERS = List.of(Role.PROVINCE_ADMIN, Role.SYSTEM_ADMIN);

    private final PrivacyRepository repo;
    private final List<RetentionTarget> targets;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    public Retention(PrivacyRepository repo, List<RetentionTarget> targets, AuditLog audit, Clock clock,
                     PlatformTransactionManager transactions) {
        this.repo = repo;
        this.targets = targets;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    public List<RetentionRule> rules() {
        requireKeeper();
        return repo.rules();
    }

    /** A rule may be lengthened freely but never set below its legal minimum. */
    public RetentionRule setRule(String kind, Integer days) {
        AppUser user = requireKeeper();
        RetentionRule rule = repo.rules().stream().filter(r -> r.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new NotFoundException("privacy.retention.unknownKind", kind));
        if (days == null) {
            throw new BusinessException("privacy.retention.daysRequired");
        }
        if (days < rule.minimumDays()) {
            throw new BusinessException("privacy.retention.belowMinimum", kind, rule.minimumDays());
        }
        tx.executeWithoutResult(s -> {
            repo.setRule(kind, days, user.username(), clock.instant());
            audit.record("UPDATE", "retention-rule", kind, null, "days=" + days);
        });
        return repo.rules().stream().filter(r -> r.kind().equals(kind)).findFirst().orElseThrow();
    }

    public List<RetentionRun> runs() {
        requireKeeper();
        return repo.runs(50);
    }

    /** Runs the rules now, as the nightly job would; refused while another instance runs them. */
    public RetentionRun runNow() {
        AppUser user = requireKeeper();
        return run(user.username()).orElseThrow(() -> new ConflictException("privacy.retention.running"));
    }

    @Scheduled(cron = "${binhdan.privacy.retention-cron:0 15 3 * * *}", zone = "Asia/Ho_Chi_Minh")
    void nightly() {
        SystemUser.run(SystemUser.SYSTEM, () -> run("nightly").ifPresent(r -> log.info("Retention run {}: {}", r.id(), r.changed())));
    }

    private java.util.Optional<RetentionRun> run(String by) {
        Instant started = clock.instant();
        Boolean claimed = tx.execute(s -> repo.claim(JOB, instance, started, started.plus(LEASE)));
        if (!Boolean.TRUE.equals(claimed)) {
            return java.util.Optional.empty();
        }
        try {
            Map<String, Integer> changed = new LinkedHashMap<>();
            for (RetentionRule rule : repo.rules()) {
                Instant cutoff = started.minus(Duration.ofDays(rule.days()));
                int n = 0;
                for (RetentionTarget t : targets) {
                    if (t.kind().equals(rule.kind())) {
                        // each kind in its own transaction: one failing kind does not undo the others
                        n += tx.execute(s -> t.expire(cutoff));
                    }
                }
                changed.put(rule.kind(), n);
            }
            StringBuilder report = new StringBuilder();
            changed.forEach((k, v) -> report.append(k).append(' ').append(v).append('\n'));
            long id = tx.execute(s -> {
                long runId = repo.insertRun(started, clock.instant(), by, report.toString());
                audit.record("RETENTION", "retention-run", String.valueOf(runId), null, report.toString().strip());
                return runId;
            });
            return repo.runs(50).stream().filter(r -> r.id() == id).findFirst();
        } finally {
            tx.executeWithoutResult(s -> repo.release(JOB, instance, clock.instant()));
        }
    }

    private static AppUser requireKeeper() {
        AppUser user = CurrentUser.require();
        if (user.scopePaths(KEEPERS).isEmpty()) {
            throw new ForbiddenException("privacy.retention.forbidden");
        }
        return user;
    }
}
