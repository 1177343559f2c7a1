package vn.binhdan.shared;

/** The caller has done this too often lately; the message says when to try again. */
public class TooManyRequestsException extends BusinessException {

    public TooManyRequestsException(String messageKey, Object... args) {
        super(messageKey, args);
    }

    @Override
    public int status() {
        return 429;
    }
}
