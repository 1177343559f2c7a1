package vn.binhdan.community.events;

public enum EventKind {
    /** Lễ phát động */
    LAUNCH,
    /** "Ngày hội học tập" — the whole-people digital learning festival of 10 October */
    LEARNING_FESTIVAL,
    /** Hội nghị */
    CONFERENCE,
    OTHER
}
