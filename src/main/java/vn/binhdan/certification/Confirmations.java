package vn.binhdan.certification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.certification.internal.CertificateRepository;
import vn.binhdan.people.PersonDirectory;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.NotFoundException;

/**
 * The confirmation outbox: every certificate gets one confirmation record in the same
 * transaction that issues it, and a dispatcher delivers it with retries (exponential back-off,
 * then FAILED for an officer to retry). Several instances may dispatch at once: a row is claimed
 * by a conditional update before it is sent.
 */
@Service
public class Confirmations {

    private static final Logger log = LoggerFactory.getLogger(Confirmations.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A claim older than this belongs to a dispatcher that died mid-send. */
    static final Duration STALE_CLAIM = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final CertificateRepository certificates;
    private final PersonDirectory persons;
    private final ConfirmationSender sender;
    private final ConfirmationProperties props;
    private final CertificationProperties certProps;
    private final AuditLog audit;
    private final Clock clock;

    public Confirmations(JdbcClient jdbc, CertificateRepository certificates, PersonDirectory persons,
                         ConfirmationSender sender, ConfirmationProperties props, CertificationProperties certProps,
                         AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.certificates = certificates;
        this.persons = persons;
        this.sender = sender;
        this.props = props;
        this.certProps = certProps;
        this.audit = audit;
        this.clock = clock;
    }

    /** Queues the confirmation; a redelivered event finds it queued and adds nothing. */
    @EventListener
    @Transactional
    public void onIssued(CertificateIssued issued) {
        CertificateRepository.Row row = certificates.find(issued.certificateId()).orElseThrow();
        ObjectNode payload = JSON.createObjectNode();
        payload.put("type", "DigitalSkillsConfirmation");
        payload.put("certificateId", row.id());
        payload.put("number", row.number());
        payload.put("issuer", row.issuerCode());
        payload.put("targetGroup", row.targetGroup().name());
        payload.put("issuedAt", row.issuedAt().toString());
        payload.put("credentialUrl", certProps.publicUrl() + "/credentials/" + row.id());
        payload.put("verifyUrl", certProps.publicUrl() + "/verify/" + row.id());
        persons.find(row.personId()).ifPresent(p -> payload.put("fullName", p.fullName()));
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO confirmation_outbox (certificate_id, unit_path, payload, status, next_attempt_at, created_at)
                VALUES (?, ?, ?, 'PENDING', ?, ?) ON CONFLICT DO NOTHING""")
                .params(row.id(), row.unitPath(), JSON.writeValueAsString(payload), now, now).update();
    }

    /** Sends what is due; returns how many were delivered. */
    @Scheduled(fixedDelayString = "${binhdan.confirmation.every:PT15S}", initialDelayString = "${binhdan.confirmation.first:PT20S}")
    public int dispatch() {
        Instant now = clock.instant();
        jdbc.sql("UPDATE confirmation_outbox SET status = 'PENDING' WHERE status = 'SENDING' AND claimed_at < ?")
                .param(Timestamp.from(now.minus(STALE_CLAIM))).update();
        List<Long> due = jdbc.sql("""
                SELECT id FROM confirmation_outbox WHERE status = 'PENDING' AND next_attempt_at <= ?
                ORDER BY next_attempt_at LIMIT 200""").param(Timestamp.from(now)).query(Long.class).list();
        int sent = 0;
        for (long id : due) {
            boolean claimed = jdbc.sql("""
                    UPDATE confirmation_outbox SET status = 'SENDING', claimed_at = ? WHERE id = ? AND status = 'PENDING'""")
                    .params(Timestamp.from(clock.instant()), id).update() == 1;
            if (!claimed) {
                continue;
            }
            Map<String, Object> row = jdbc.sql("SELECT certificate_id, payload, attempts FROM confirmation_outbox WHERE id = ?")
                    .param(id).query().singleRow();
            int attempts = ((Number) row.get("attempts")).intValue() + 1;
            try {
                sender.send(new ConfirmationSender.Confirmation(id, (String) row.get("certificate_id"),
                        (String) row.get("payload")));
                jdbc.sql("""
                        UPDATE confirmation_outbox SET status = 'SENT', attempts = ?, sent_at = ?, last_error = NULL
                        WHERE id = ?""").params(attempts, Timestamp.from(clock.instant()), id).update();
                sent++;
            } catch (Exception e) {
                String error = String.valueOf(e.getMessage());
                boolean giveUp = attempts >= props.maxAttempts();
                // 1, 2, 4 … minutes, at most six hours between tries
                Duration wait = Duration.ofMinutes(Math.min(1L << Math.min(attempts - 1, 20), 360));
                jdbc.sql("""
                        UPDATE confirmation_outbox SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ?
                        WHERE id = ?""")
                        .params(giveUp ? "FAILED" : "PENDING", attempts, Timestamp.from(clock.instant().plus(wait)),
                                error.length() > 1000 ? error.substring(0, 1000) : error, id)
                        .update();
                log.warn("Confirmation {} not delivered (attempt {}): {}", id, attempts, error);
            }
        }
        return sent;
    }

    public record Entry(long id, String certificateId, String number, String status, int attempts,
                        Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {
    }

    public record Status(Map<String, Long> counts, List<Entry> notSent) {
    }

    /** Counts by status and the confirmations not yet delivered, within the officer's units. */
    @Transactional(readOnly = true)
    public Status status() {
        AppUser user = CurrentUser.require();
        List<String> scopes = user.scopePaths(Certificates.READERS);
        if (scopes.isEmpty()) {
            throw new ForbiddenException();
        }
        StringBuilder where = new StringBuilder("(");
        List<Object> params = new ArrayList<>();
        for (String scope : scopes) {
            where.append(params.isEmpty() ? "" : " OR ").append("o.unit_path LIKE ?");
            params.add(scope + "%");
        }
        where.append(")");
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String s : List.of("PENDING", "SENDING", "SENT", "FAILED")) {
            counts.put(s, 0L);
        }
        jdbc.sql("SELECT o.status, COUNT(*) FROM confirmation_outbox o WHERE " + where + " GROUP BY o.status")
                .params(params).query((rs, i) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        List<Entry> notSent = jdbc.sql("""
                SELECT o.*, c.number FROM confirmation_outbox o JOIN certificate c ON c.id = o.certificate_id
                WHERE o.status <> 'SENT' AND""" + " " + where + " ORDER BY o.status, o.next_attempt_at LIMIT 100")
                .params(params)
                .query((rs, i) -> new Entry(rs.getLong("id"), rs.getString("certificate_id"), rs.getString("number"),
                        rs.getString("status"), rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant(),
                        rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant()))
                .list();
        return new Status(counts, notSent);
    }

    /** Puts a confirmation back in the queue now, e.g. after the national side fixed its problem. */
    @Transactional
    public void retry(long id) {
        AppUser user = CurrentUser.require();
        String unitPath = jdbc.sql("SELECT unit_path FROM confirmation_outbox WHERE id = ?").param(id)
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("confirmation.notFound"));
        if (!user.canActOn(unitPath, Certificates.READERS)) {
            throw new NotFoundException("confirmation.notFound");
        }
        jdbc.sql("""
                UPDATE confirmation_outbox SET status = 'PENDING', next_attempt_at = ? WHERE id = ? AND status <> 'SENT'""")
                .params(Timestamp.from(clock.instant()), id).update();
        audit.record("RETRY", "confirmation", Long.toString(id), unitPath, null);
    }
}
