package vn.binhdan.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.binhdan.reporting.ReminderLog.Channel;
import vn.binhdan.reporting.ReminderLog.Outcome;
import vn.binhdan.reporting.internal.ReminderMail;
import vn.binhdan.reporting.internal.ReminderRepository;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.unit.Unit;

/**
 * Reminders that reach people: by e-mail and by the province's text gateway, to the contacts the
 * unit keeps, with the outcome of every attempt recorded. A unit without a contact is listed as
 * such rather than skipped.
 *
 * <p>Each reminder is claimed (its row committed) before anything is sent, and every attempt is
 * written as pending before the send and settled after it: no database transaction stays open
 * while a mail server answers, a reminder claimed by another instance is not sent twice, and an
 * attempt cut short by a crash stays visible as pending instead of vanishing.
 */
@Service
public class Reminders {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    static final String SYSTEM = "system";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final ReportScope scope;
    private final ReminderRepository repo;
    private final ReminderMail mail;
    private final MessageGateway gateway;
    private final MessageSource messages;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String publicUrl;

    Reminders(ReportScope scope, ReminderRepository repo, ReminderMail mail, MessageGateway gateway,
              MessageSource messages, PlatformTransactionManager transactions, Clock clock,
              @Value("${binhdan.certification.public-url:http://localhost:8080}") String publicUrl) {
        this.scope = scope;
        this.repo = repo;
        this.mail = mail;
        this.gateway = gateway;
        this.messages = messages;
        // each step commits on its own, even when called inside another transaction: a claim must be
        // visible to other instances before the send, and an outcome must survive a later failure
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The reminders sent to a unit's reporting children for a period, newest first, with their outcomes. */
    public List<ReminderLog> log(String formCode, long unitId, String periodId) {
        AppUser user = CurrentUser.require();
        ReportForm form = scope.form(formCode);
        Period period = scope.period(form, periodId);
        Unit unit = scope.readable(user, unitId);
        return repo.log(form.code(), period.id(), scope.reportingChildren(form, unit).stream().map(Unit::id).toList());
    }

    /**
     * Reminds each unit of the period's report, from the level above ({@code from}). With
     * {@code daysBefore} set (the scheduled job) a unit already reminded that many days before is
     * skipped. Returns how many were reminded now.
     */
    int remind(ReportForm form, Period period, Unit from, List<Unit> units, String by, Integer daysBefore) {
        int reminded = 0;
        for (Unit unit : units) {
            Instant now = clock.instant();
            Optional<Long> claimed = tx.execute(s -> repo.claim(form.code(), unit.id(), period.id(), from.id(), by, now,
                    daysBefore));
            if (claimed == null || claimed.isEmpty()) {
                continue;
            }
            deliver(claimed.get(), form, period, unit, from);
            reminded++;
        }
        return reminded;
    }

    private void deliver(long reminderId, ReportForm form, Period period, Unit unit, Unit from) {
        Optional<UnitContact> contact = repo.contact(unit.id());
        if (contact.isEmpty() || !contact.get().reachable()) {
            tx.executeWithoutResult(s -> repo.addDelivery(reminderId, Channel.NONE, null, Outcome.NO_CONTACT, null,
                    clock.instant()));
            return;
        }
        LocalDate due = form.dueOn(period, unit.type());
        String periodName = text("report.period." + period.type(), period.year(), period.number());
        String link = publicUrl + "/reports/" + form.code() + "/" + unit.id() + "/" + period.id();
        String email = contact.get().email();
        if (email != null) {
            attempt(reminderId, Channel.EMAIL, email, mail.configured(), "no mail server configured",
                    () -> mail.send(email, text("reminder.mail.subject", form.nameVi(), periodName, DAY.format(due)),
                            text("reminder.mail.body", unit.name(), form.nameVi(), periodName, DAY.format(due), link,
                                    from.name())));
        }
        String phone = contact.get().phone();
        if (phone != null) {
            attempt(reminderId, Channel.SMS, phone, gateway.configured(), "no SMS gateway configured",
                    () -> gateway.send(phone, text("reminder.sms", unit.name(), form.code(), period.id(), DAY.format(due))));
        }
    }

    interface Send {
        void run() throws Exception;
    }

    private void attempt(long reminderId, Channel channel, String address, boolean configured, String off, Send send) {
        if (!configured) {
            tx.executeWithoutResult(s -> repo.addDelivery(reminderId, channel, address, Outcome.NOT_SENT, off,
                    clock.instant()));
            return;
        }
        Long delivery = tx.execute(s -> repo.addDelivery(reminderId, channel, address, Outcome.PENDING, null,
                clock.instant()));
        Outcome outcome;
        String reason = null;
        try {
            send.run();
            outcome = Outcome.SENT;
        } catch (Exception e) {
            outcome = Outcome.FAILED;
            reason = reason(e);
        }
        Outcome settled = outcome;
        String why = reason;
        tx.executeWithoutResult(s -> repo.settle(delivery, settled, why, clock.instant()));
    }

    /** The deepest message: "Connection refused", "550 No such user", not the wrapper's. */
    private static String reason(Throwable e) {
        String message = e.getClass().getSimpleName();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage().strip();
            }
        }
        return message;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, VIETNAMESE);
    }
}
