package vn.binhdan.community;

import java.util.List;

/**
 * A digital market ("Chợ số") of a commune: its small traders, how many meet every criterion of
 * the checklist, and that share (percent, 0–100; null with no trader yet).
 */
public record Market(long id, long unitId, String unitName, String name, int traders, int meetingAll, Double share,
                     List<Trader> traderList) {

    /** {@code met} lists the checklist criteria the trader meets. */
    public record Trader(long id, String name, String stall, Long personId, List<String> met, boolean meetsAll) {
    }
}
