package vn.binhdan.reporting;

import java.time.Instant;
import java.util.List;

/**
 * One reminder to one unit and what became of it on each channel. {@code daysBefore}: sent
 * automatically that many days before the due date; null when sent by hand.
 */
public record ReminderLog(long unitId, String unitCode, String unitName, String sentBy, Instant sentAt,
                          Integer daysBefore, List<Delivery> deliveries) {

    public enum Channel { EMAIL, SMS, NONE }

    public enum Outcome { PENDING, SENT, FAILED, NOT_SENT, NO_CONTACT }

    /** {@code reason}: why it failed or was not sent (the server's words, or what is not configured). */
    public record Delivery(Channel channel, String address, Outcome outcome, String reason, Instant attemptedAt) {
    }
}
