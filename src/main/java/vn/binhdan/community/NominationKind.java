package vn.binhdan.community;

/** What is nominated: a person ("Công dân số tiêu biểu") or a village ("Thôn/buôn/khu phố số tiêu biểu"). */
public enum NominationKind {
    CITIZEN(Tally.MODEL_CITIZENS),
    VILLAGE(Tally.MODEL_VILLAGES);

    private final Tally tally;

    NominationKind(Tally tally) {
        this.tally = tally;
    }

    public Tally tally() {
        return tally;
    }
}
