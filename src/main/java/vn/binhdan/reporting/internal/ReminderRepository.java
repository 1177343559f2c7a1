package vn.binhdan.reporting.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.binhdan.reporting.ReminderLog;
import vn.binhdan.reporting.UnitContact;

/** Units' contacts, and reminders with the outcome of each delivery. */
@Repository
public class ReminderRepository {

    private final JdbcClient jdbc;

    public ReminderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UnitContact> contact(long unitId) {
        return jdbc.sql("SELECT c.*, u.name FROM report_contact c JOIN unit u ON u.id = c.unit_id WHERE c.unit_id = ?")
                .param(unitId)
                .query((rs, i) -> new UnitContact(rs.getLong("unit_id"), rs.getString("name"), rs.getString("person"),
                        rs.getString("email"), rs.getString("phone"), rs.getString("updated_by"),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    public void saveContact(long unitId, String person, String email, String phone, String by, Instant at) {
        int n = jdbc.sql("UPDATE report_contact SET person = ?, email = ?, phone = ?, updated_by = ?, updated_at = ? WHERE unit_id = ?")
                .params(person, email, phone, by, Timestamp.from(at), unitId).update();
        if (n == 0) {
            jdbc.sql("INSERT INTO report_contact (unit_id, person, email, phone, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(unitId, person, email, phone, by, Timestamp.from(at)).update();
        }
    }

    /**
     * Records a reminder and returns its id; for an automatic one ({@code daysBefore} set), empty
     * when another run (here or on another instance) has already claimed it.
     */
    public Optional<Long> claim(String form, long unitId, String periodId, long fromUnitId, String by, Instant at,
                                Integer daysBefore) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        int n = jdbc.sql("""
                INSERT INTO report_reminder (form_code, unit_id, period_id, from_unit_id, sent_by, sent_at, days_before)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(form, unitId, periodId, fromUnitId, by, Timestamp.from(at), daysBefore)
                .update(keys, "id");
        if (n == 0) {
            return Optional.empty();
        }
        return Optional.of(keys.getKeyAs(Number.class).longValue());
    }

    public long addDelivery(long reminderId, ReminderLog.Channel channel, String address, ReminderLog.Outcome outcome,
                            String reason, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO report_reminder_delivery (reminder_id, channel, address, outcome, reason, attempted_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(reminderId, channel.name(), address, outcome.name(), clip(reason), Timestamp.from(at))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void settle(long deliveryId, ReminderLog.Outcome outcome, String reason, Instant at) {
        jdbc.sql("UPDATE report_reminder_delivery SET outcome = ?, reason = ?, attempted_at = ? WHERE id = ?")
                .params(outcome.name(), clip(reason), Timestamp.from(at), deliveryId).update();
    }

    /** The reminders of some units for one form and period, newest first, with their deliveries. */
    public List<ReminderLog> log(String form, String periodId, Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        Map<Long, ReminderLog> out = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT r.id, r.unit_id, u.code, u.name, r.sent_by, r.sent_at, r.days_before
                FROM report_reminder r JOIN unit u ON u.id = r.unit_id
                WHERE r.form_code = :form AND r.period_id = :period AND r.unit_id IN (:ids) ORDER BY r.id DESC""")
                .param("form", form).param("period", periodId).param("ids", unitIds)
                .query(rs -> {
                    int days = rs.getInt("days_before");
                    out.put(rs.getLong("id"), new ReminderLog(rs.getLong("unit_id"), rs.getString("code"),
                            rs.getString("name"), rs.getString("sent_by"), rs.getTimestamp("sent_at").toInstant(),
                            rs.wasNull() ? null : days, new ArrayList<>()));
                });
        if (out.isEmpty()) {
            return List.of();
        }
        jdbc.sql("SELECT * FROM report_reminder_delivery WHERE reminder_id IN (:ids) ORDER BY id")
                .param("ids", out.keySet())
                .query(rs -> {
                    out.get(rs.getLong("reminder_id")).deliveries().add(new ReminderLog.Delivery(
                            ReminderLog.Channel.valueOf(rs.getString("channel")), rs.getString("address"),
                            ReminderLog.Outcome.valueOf(rs.getString("outcome")), rs.getString("reason"),
                            rs.getTimestamp("attempted_at").toInstant()));
                });
        return out.values().stream().map(r -> new ReminderLog(r.unitId(), r.unitCode(), r.unitName(), r.sentBy(),
                r.sentAt(), r.daysBefore(), List.copyOf(r.deliveries()))).toList();
    }

    private static String clip(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 499) + "…";
    }
}
