package vn.binhdan.shared;

/** The request clashes with the record's current state (already done, already running, too late). */
public class ConflictException extends BusinessException {

    public ConflictException(String messageKey, Object... args) {
        super(messageKey, args);
    }

    @Override
    public int status() {
        return 409;
    }
}
