package vn.binhdan.community;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A nomination with its evidence, history and what the reader may do with it now. */
public record Nomination(long id, NominationKind kind, Long personId, String nomineeName, long unitId, String unitName,
                         String evidenceText, List<String> criteria, NominationStatus status, String createdBy,
                         String submittedBy, Instant submittedAt, String communeBy, String provinceBy,
                         LocalDate recognisedOn, String returnComment, LocalDate withdrawnOn, List<Evidence> evidence,
                         List<HistoryEntry> history, Actions actions) {

    /** A link ({@code url}) or a file ({@code fileName}, downloaded by id). */
    public record Evidence(long id, String url, String fileName, String mediaType, Integer sizeBytes, String addedBy,
                           Instant addedAt) {
    }

    public record HistoryEntry(String action, String actor, Instant at, String comment) {
    }

    public record Actions(boolean edit, boolean submit, boolean approve, boolean returnIt, boolean withdraw) {
    }
}
