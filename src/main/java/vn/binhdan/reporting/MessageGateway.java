package vn.binhdan.reporting;

/**
 * A province's text-message gateway (SMS, Zalo) for reminders. The platform ships one that posts
 * JSON to an address the province configures ({@code BINHDAN_SMS_URL}), off by default; a
 * province with another kind of gateway provides its own bean instead (marked {@code @Primary}).
 */
public interface MessageGateway {

    /** Whether a gateway is configured; if not, text reminders are recorded as not sent, saying why. */
    boolean configured();

    /** Sends one message; a refusal or an error is thrown with the gateway's reason. */
    void send(String phone, String text) throws Exception;
}
