package vn.binhdan.privacy;

import java.time.Instant;

/**
 * A suspected breach as recorded.
 *
 * @param notifyBy when the notification is due (72 hours after it was found)
 * @param overdue  not notified and past {@code notifyBy}, or notified after it
 */
public record Breach(long id, long unitId, String unitName, String description, Instant foundAt, String affected,
                     String actions, Instant notifiedAt, Instant notifyBy, boolean overdue, String recordedBy) {
}
