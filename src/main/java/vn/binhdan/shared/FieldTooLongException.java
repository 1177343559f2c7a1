package vn.binhdan.shared;

/** A text longer than its field allows; the reply names the field and the limit, never the text. */
public class FieldTooLongException extends BusinessException {

    private final String field;

    public FieldTooLongException(String field, int max) {
        super("error.tooLong", field, max);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
