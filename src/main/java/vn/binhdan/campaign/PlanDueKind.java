package vn.binhdan.campaign;

/** How a task's time was written in the plan; each but ONGOING and NONE ends on a known day. */
public enum PlanDueKind {
    /** "30/6/2026", "Trước ngày 30/6/2026", "Từ 05/10/2026 đến 10/10/2026" (the last day counts) */
    DATE,
    /** "Tháng 08/2026", "Trong tháng 03/2026" */
    MONTH,
    /** "Quý II/2026", "Quý 3/2025" */
    QUARTER,
    /** "6 tháng đầu năm 2027" (30/6), "6 tháng cuối năm 2027", "Nửa đầu năm 2027" */
    HALF_YEAR,
    /** "Năm 2026" */
    YEAR,
    /** "2025–2026", "năm 2025 - 2026" */
    YEAR_RANGE,
    /** "Thường xuyên", "Hằng năm": never overdue */
    ONGOING,
    /** nothing written */
    NONE
}
