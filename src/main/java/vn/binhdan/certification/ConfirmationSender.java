package vn.binhdan.certification;

/**
 * Delivers one confirmation to VNeID / the national platform. Until the province is granted
 * access, the file implementation writes each confirmation as a JSON line for hand-over, and the
 * HTTP one posts to a configured endpoint. Throwing means "not delivered, try again later".
 */
public interface ConfirmationSender {

    record Confirmation(long id, String certificateId, String payload) {
    }

    void send(Confirmation confirmation) throws Exception;
}
