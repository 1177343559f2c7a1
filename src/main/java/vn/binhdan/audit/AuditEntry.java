package vn.binhdan.audit;

import java.time.Instant;

/** @param persons how many persons a list returned; null for entries that are not lists */
public record AuditEntry(long id, Instant at, String actor, String action, String subjectType, String subjectId,
                         String detail, String remoteAddr, Integer persons) {
}
