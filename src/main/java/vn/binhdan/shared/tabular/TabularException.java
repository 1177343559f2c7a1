package vn.binhdan.shared.tabular;

import vn.binhdan.shared.BusinessException;

/** The file as a whole cannot be read (empty, not what its name says, a zip bomb, too large). */
public class TabularException extends BusinessException {

    public TabularException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
