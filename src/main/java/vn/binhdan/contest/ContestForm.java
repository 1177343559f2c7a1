package vn.binhdan.contest;

import jakarta.validation.constraints.Size;

/** A contest as its organiser sets it up; {@code unitId} is whose residents may enter (usually the province). */
public record ContestForm(Long unitId, @Size(max = 300) String title, @Size(max = 8000) String rules,
                          @Size(max = 300) String organiser, Integer finalPrizes, CollectiveBasis collectiveBasis,
                          Integer collectivePrizes) {
}
