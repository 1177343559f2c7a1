package vn.binhdan.reporting.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.binhdan.campaign.QuarterApprovals;
import vn.binhdan.reporting.Period;

/**
 * Tells the budget when a unit's report for a quarter stands approved, whatever the form: the
 * figures the level above accepted for that quarter include its spending, which must not move.
 */
@Component
class ApprovedQuarters implements QuarterApprovals {

    private final JdbcClient jdbc;

    ApprovedQuarters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean approved(long unitId, int year, int quarter) {
        return jdbc.sql("SELECT COUNT(*) FROM report_submission WHERE unit_id = ? AND period_id = ? AND status = 'APPROVED'")
                .params(unitId, Period.quarter(year, quarter).id()).query(Long.class).single() > 0;
    }
}
