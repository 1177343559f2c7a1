package vn.binhdan.shared;

/**
 * An error the user caused and can fix. It carries a message-bundle key so the reply is in
 * the user's language; the HTTP layer turns it into a problem detail or a friendly page.
 */
public class BusinessException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public BusinessException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }

    public int status() {
        return 400;
    }
}
