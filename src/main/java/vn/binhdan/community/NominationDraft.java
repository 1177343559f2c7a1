package vn.binhdan.community;

import java.util.List;

/**
 * What a nominator fills in: a person ({@code personId}) or a village ({@code unitId}), the
 * evidence in words and as links, and the criteria ticked.
 */
public record NominationDraft(NominationKind kind, Long personId, Long unitId, String evidenceText, List<String> links,
                              List<String> criteria) {
}
