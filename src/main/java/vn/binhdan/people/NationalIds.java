package vn.binhdan.people;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns a 12-digit CCCD into the keyed hash stored for matching. With the secret kept outside
 * the database, a leaked table does not reveal ID numbers, and the 10^12 possible numbers
 * cannot be enumerated without the key.
 */
@Component
public class NationalIds {

    private final SecretKeySpec key;

    public NationalIds(@Value("${binhdan.security.id-hash-secret}") String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalStateException("binhdan.security.id-hash-secret must be at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** A MAC for one thread's use: Mac instances are not thread-safe and costly to look up per row. */
    public Hasher hasher() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return new Hasher(mac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String hash(String idNumber) {
        return hasher().hash(idNumber);
    }

    /** Null when valid, otherwise the message key of what is wrong. */
    public static String problem(String id) {
        if (id == null || id.isEmpty()) {
            return "person.id.required";
        }
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return "person.id.digitsOnly";
            }
        }
        return id.length() == 12 ? null : "person.id.length";
    }

    public static final class Hasher {
        private final Mac mac;

        Hasher(Mac mac) {
            this.mac = mac;
        }

        public String hash(String idNumber) {
            return HexFormat.of().formatHex(mac.doFinal(idNumber.getBytes(StandardCharsets.US_ASCII)));
        }
    }
}
