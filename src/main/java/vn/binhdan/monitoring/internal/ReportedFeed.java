package vn.binhdan.monitoring.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.binhdan.campaign.ApprovedFigures;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.UnitType;
import vn.binhdan.unit.Units;

/**
 * Takes approved report figures in the approving transaction, as the community feed does: the
 * approval and the value commit together, and a redelivered event id stores nothing.
 */
@Component
public class ReportedFeed {

    private final ReportedRepository repo;
    private final RollupRepository rollups;
    private final Units units;
    private final java.time.Clock clock;

    ReportedFeed(ReportedRepository repo, RollupRepository rollups, Units units, java.time.Clock clock) {
        this.repo = repo;
        this.rollups = rollups;
        this.units = units;
        this.clock = clock;
    }

    @EventListener
    void on(ApprovedFigures e) {
        if (e.values().isEmpty() || !rollups.firstSight(e.eventId(), clock.instant())) {
            return;
        }
        store(e);
    }

    /** Stores an approval's figures as the feed does; a rebuild replays every standing approval through it. */
    public void store(ApprovedFigures e) {
        boolean communeLevel = units.find(e.unitId()).map(Unit::type).map(ReportedFeed::communeLevel).orElse(false);
        for (ApprovedFigures.Value v : e.values()) {
            repo.store(e.eventId(), e.periodYear(), new ReportedRepository.Row(e.unitId(), e.unitPath(), communeLevel,
                    v.indicatorCode(), v.group(), e.periodId(), e.periodEnd(), v.numerator(), v.denominator(),
                    e.formCode(), e.reportId(), e.approvedBy(), e.approvedAt()));
        }
    }

    static boolean communeLevel(UnitType t) {
        return t == UnitType.COMMUNE || t == UnitType.WARD || t == UnitType.SPECIAL_ZONE;
    }
}
