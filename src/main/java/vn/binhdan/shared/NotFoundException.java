package vn.binhdan.shared;

public class NotFoundException extends BusinessException {

    public NotFoundException(String messageKey, Object... args) {
        super(messageKey, args);
    }

    @Override
    public int status() {
        return 404;
    }
}
