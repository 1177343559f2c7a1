package vn.binhdan.community.events;

public enum EventKind {
    /** Lễ phát động */
    LAUNCH,
    /** "Ngày hội học tập" — the whole-people digital learning festival of 10 October */
    LEARNING_FESTIVAL,
    /** Hội nghị */
    CONFERENCE,
    /** Hội nghị tổng kết năm — every commune holds one by 31/12 */
    YEAR_END_REVIEW,
    OTHER
}
