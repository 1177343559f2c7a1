package vn.binhdan.monitoring.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.binhdan.certification.CertificateIssued;
import vn.binhdan.certification.CertificateRevoked;
import vn.binhdan.certification.CertificationDeclared;
import vn.binhdan.certification.CertifiedSource;
import vn.binhdan.monitoring.Metrics;
import vn.binhdan.people.TargetGroup;

/**
 * Takes certification events in the issuer's own transaction: a certificate and its count
 * commit together or not at all. A person counts once per group, at the unit and month of the
 * earliest source still standing, which is exactly what the recompute derives from the rows.
 */
@Component
class CertificationFeed {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final Comparator<RollupRepository.Source> EARLIEST =
            Comparator.comparing(RollupRepository.Source::since).thenComparing(RollupRepository.Source::sourceId);

    private final RollupRepository repo;
    private final Drainer drainer;
    private final Clock clock;

    CertificationFeed(RollupRepository repo, Drainer drainer, Clock clock) {
        this.repo = repo;
        this.drainer = drainer;
        this.clock = clock;
    }

    @EventListener
    void on(CertificateIssued e) {
        change(e.eventId(), e.personId(), e.targetGroup(),
                new RollupRepository.Source(CertifiedSource.ofCertificate(e.certificateId()), e.countedPath(), e.issuedAt()),
                null);
    }

    @EventListener
    void on(CertificationDeclared e) {
        change(e.eventId(), e.personId(), e.targetGroup(),
                new RollupRepository.Source(CertifiedSource.ofDeclaration(e.personId(), e.targetGroup()), e.countedPath(),
                        e.confirmedOn().atStartOfDay(VIETNAM).toInstant()),
                null);
    }

    @EventListener
    void on(CertificateRevoked e) {
        change(e.eventId(), e.personId(), e.targetGroup(), null, CertifiedSource.ofCertificate(e.certificateId()));
    }

    private void change(String eventId, long personId, TargetGroup group, RollupRepository.Source added, String removed) {
        Instant now = clock.instant();
        if (!repo.firstSight(eventId, now)) {
            return;
        }
        String g = group.name();
        List<RollupRepository.Source> sources = new ArrayList<>(repo.certifiedSources(personId, g));
        RollupRepository.Source before = sources.stream().min(EARLIEST).orElse(null);
        if (added != null) {
            if (!repo.addCertified(personId, g, added)) {
                return;
            }
            sources.add(added);
        } else {
            if (!repo.removeCertified(personId, g, removed)) {
                return;
            }
            sources.removeIf(s -> s.sourceId().equals(removed));
        }
        RollupRepository.Source after = sources.stream().min(EARLIEST).orElse(null);
        if (Objects.equals(before == null ? null : before.sourceId(), after == null ? null : after.sourceId())) {
            return;
        }
        if (before != null) {
            repo.addDelta(Metrics.CERTIFIED, before.countedPath(), g, day(before.since()), -1, now);
        }
        if (after != null) {
            repo.addDelta(Metrics.CERTIFIED, after.countedPath(), g, day(after.since()), 1, now);
        }
        drainer.wakeAfterCommit();
    }

    static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, VIETNAM);
    }
}
