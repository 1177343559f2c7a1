package vn.binhdan.emulation;

import java.util.List;

/**
 * What a unit's proposal letter (tờ trình) says: who proposes, to whom, in which campaign, and the
 * list of the proposals it sent up (drafts are not part of it).
 */
public record ProposalLetter(long campaignId, String campaignTitle, int year, long proposerUnitId,
                             String proposerUnitName, String campaignUnitName, List<Proposal> proposals) {

    public long units() {
        return proposals.stream().filter(p -> "UNIT".equals(p.kind())).count();
    }

    public long persons() {
        return proposals.stream().filter(p -> "PERSON".equals(p.kind())).count();
    }
}
