package vn.binhdan.contest;

import java.util.List;

public record Contest(long id, long unitId, String unitPath, String unitName, String title, String rules,
                      String organiser, int finalPrizes, CollectiveBasis collectiveBasis, int collectivePrizes,
                      boolean organisedByMe, List<Round> rounds) {
}
