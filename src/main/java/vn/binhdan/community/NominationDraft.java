package vn.binhdan.community;

import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a nominator fills in: a person ({@code personId}) or a village ({@code unitId}), the
 * evidence in words and as links, and the criteria ticked.
 */
public record NominationDraft(NominationKind kind, Long personId, Long unitId, @Size(max = 4000) String evidenceText,
                              List<@Size(max = 1000) String> links, List<@Size(max = 40) String> criteria) {
}
