package vn.binhdan.campaign;

import java.util.List;

/**
 * A task as typed by hand. Units are given as the plan writes them ("Sở Khoa học và Công nghệ;
 * UBND các xã, phường") and matched like an import's.
 */
public record PlanTaskDraft(Long sectionId, String number, String content, String leads, String coordinating,
                        String due, List<String> indicatorCodes) {
}
