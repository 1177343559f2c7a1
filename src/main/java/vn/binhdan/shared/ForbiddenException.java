package vn.binhdan.shared;

/** The signed-in user has no right over the unit or record concerned. */
public class ForbiddenException extends BusinessException {

    public ForbiddenException(String messageKey, Object... args) {
        super(messageKey, args);
    }

    public ForbiddenException() {
        this("error.forbidden");
    }

    @Override
    public int status() {
        return 403;
    }
}
