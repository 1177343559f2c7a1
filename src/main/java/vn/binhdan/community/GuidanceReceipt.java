package vn.binhdan.community;

/** What became of one entry: recorded now, recorded before (nothing added), or refused with the reason. */
public record GuidanceReceipt(String clientId, Status status, Long sessionId, String message) {

    public enum Status {
        RECORDED, ALREADY_RECORDED, REJECTED
    }
}
