package vn.binhdan.community;

/**
 * What a community record adds to. The names are the monitoring metrics the indicator catalogue
 * reads (CLASSES_HELD, GUIDANCE_SESSIONS, ...); the others are kept for team pages and reports.
 */
public enum Tally {
    /** One guidance session (one visit or one batch session, however many people it helped). */
    GUIDANCE_SESSIONS,
    /** Each person helped in a guidance session. */
    PERSONS_GUIDED,
    /** A "Bình dân học vụ số" class that took place. */
    CLASSES_HELD,
    /** One person present at one class session. */
    CLASS_ATTENDANCES,
    /** People taking part in an event (launch ceremony, learning festival, conference). */
    EVENT_PARTICIPANTS,
    /** News items, videos, SMS campaigns and loudspeaker broadcasts. */
    OUTREACH_POSTS,
    /** Posters, banners and other visual outreach. */
    VISUAL_OUTREACH,
    /** "Công dân số tiêu biểu" recognised by the province. */
    MODEL_CITIZENS,
    /** "Thôn/buôn/khu phố số tiêu biểu" recognised by the province. */
    MODEL_VILLAGES
}
