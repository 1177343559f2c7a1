package vn.binhdan.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.binhdan.reporting.internal.FormRepository;
import vn.binhdan.reporting.internal.ReportRepository;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.Units;

/**
 * Reminds, each morning, the units that have not handed in a report due in exactly one of its
 * form's reminder day counts (e.g. 7 and 1 days before). The period's level above is the sender.
 * Every instance may run it: each reminder is claimed in the database before it is sent, so it
 * goes out once however many run at the same time.
 */
@Component
public class ScheduledReminders {

    private static final Logger log = LoggerFactory.getLogger(ScheduledReminders.class);

    private final FormRepository forms;
    private final ReportRepository reports;
    private final ReportScope scope;
    private final Units units;
    private final Reminders reminders;
    private final Clock clock;

    ScheduledReminders(FormRepository forms, ReportRepository reports, ReportScope scope, Units units,
                       Reminders reminders, Clock clock) {
        this.forms = forms;
        this.reports = reports;
        this.scope = scope;
        this.units = units;
        this.reminders = reminders;
        this.clock = clock;
    }

    @Scheduled(cron = "${binhdan.reminders.cron:0 0 7 * * *}", zone = "Asia/Ho_Chi_Minh")
    void daily() {
        int n = run(LocalDate.now(clock));
        if (n > 0) {
            log.info("Sent {} report reminders", n);
        }
    }

    /** The reminders due on the day; returns how many were sent now (not by an earlier or parallel run). */
    public int run(LocalDate today) {
        int sent = 0;
        for (ReportForm form : forms.all()) {
            if (form.reminderDays().isEmpty()) {
                continue;
            }
            List<Unit> roots = roots(form);
            if (roots.isEmpty()) {
                continue;
            }
            // a period's due date can fall after it ends (the month after, a fixed date next year)
            Period current = Period.containing(form.periodType(), today);
            for (Period period : List.of(current, current.previous())) {
                for (int days : form.reminderDays()) {
                    List<Unit> due = new ArrayList<>();
                    for (Unit root : roots) {
                        for (Unit u : units.subtree(root)) {
                            if (u.active() && form.filedBy(u.type()) && form.dueOn(period, u.type()).equals(today.plusDays(days))) {
                                due.add(u);
                            }
                        }
                    }
                    sent += remindBehind(form, period, due, days);
                }
            }
        }
        return sent;
    }

    private int remindBehind(ReportForm form, Period period, List<Unit> due, int days) {
        if (due.isEmpty()) {
            return 0;
        }
        Map<Long, ReportRepository.Row> rows = reports.ofUnits(form.code(), period.id(), due.stream().map(Unit::id).toList());
        int sent = 0;
        for (Unit u : due) {
            ReportRepository.Row r = rows.get(u.id());
            if (r != null && r.status().reported()) {
                continue;
            }
            Unit from = u.parentId() == null ? u : units.find(u.parentId()).orElse(u);
            sent += reminders.remind(form, period, from, List.of(u), Reminders.SYSTEM, days);
        }
        return sent;
    }

    private List<Unit> roots(ReportForm form) {
        if (form.ownerCode() == null) {
            return units.roots();
        }
        return units.findByCode(form.ownerCode()).map(List::of).orElse(List.of());
    }
}
