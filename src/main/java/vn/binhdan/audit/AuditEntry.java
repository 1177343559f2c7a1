package vn.binhdan.audit;

import java.time.Instant;

public record AuditEntry(long id, Instant at, String actor, String action, String subjectType, String subjectId,
                         String detail, String remoteAddr) {
}
