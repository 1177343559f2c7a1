package vn.binhdan.community.outreach;

import vn.binhdan.community.Tally;

/** Where an item went out, and so which tally it adds to. */
public enum OutreachChannel {
    NEWS(Tally.OUTREACH_POSTS),
    VIDEO(Tally.OUTREACH_POSTS),
    SMS(Tally.OUTREACH_POSTS),
    LOUDSPEAKER(Tally.OUTREACH_POSTS),
    SOCIAL_POST(Tally.OUTREACH_POSTS),
    POSTER(Tally.VISUAL_OUTREACH),
    BANNER(Tally.VISUAL_OUTREACH),
    PANEL(Tally.VISUAL_OUTREACH),
    LEAFLET(Tally.VISUAL_OUTREACH);

    private final Tally tally;

    OutreachChannel(Tally tally) {
        this.tally = tally;
    }

    public Tally tally() {
        return tally;
    }

    public boolean visual() {
        return tally == Tally.VISUAL_OUTREACH;
    }
}
