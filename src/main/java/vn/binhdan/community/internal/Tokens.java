package vn.binhdan.community.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Signed check-in codes. A session code names the session and its day, so a photo of
 * yesterday's code is worthless today; a person code names only the person, because the teacher
 * who scans it sees who holds it. The kind is signed too, so one kind never passes for the other.
 */
@Component
public class Tokens {

    public sealed interface Claim permits SessionClaim, PersonClaim {
    }

    public record SessionClaim(long sessionId, LocalDate day) implements Claim {
    }

    public record PersonClaim(long personId) implements Claim {
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder D64 = Base64.getUrlDecoder();
    /** 128 bits of the MAC: far beyond guessing, and short enough for a small QR code. */
    private static final int MAC_BYTES = 16;

    private final byte[] key;

    public Tokens(CommunityProperties props) {
        String secret = props.checkinSecret();
        if (secret == null || secret.length() < 16) {
            throw new IllegalStateException("binhdan.community.checkin-secret must be set (at least 16 characters)");
        }
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String session(long sessionId, LocalDate day) {
        return sign("S." + sessionId + "." + day);
    }

    public String person(long personId) {
        return sign("P." + personId);
    }

    /** Empty when the code was not signed here or was altered. */
    public Optional<Claim> read(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.strip().lastIndexOf('~');
        if (dot <= 0) {
            return Optional.empty();
        }
        String body = token.strip().substring(0, dot);
        byte[] given;
        try {
            given = D64.decode(token.strip().substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac(body), given)) {
            return Optional.empty();
        }
        String[] parts = body.split("\\.");
        try {
            if (parts.length == 3 && parts[0].equals("S")) {
                return Optional.of(new SessionClaim(Long.parseLong(parts[1]), LocalDate.parse(parts[2])));
            }
            if (parts.length == 2 && parts[0].equals("P")) {
                return Optional.of(new PersonClaim(Long.parseLong(parts[1])));
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private String sign(String body) {
        return body + "~" + B64.encodeToString(mac(body));
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] full = mac.doFinal(("binhdan-checkin:" + body).getBytes(StandardCharsets.UTF_8));
            return java.util.Arrays.copyOf(full, MAC_BYTES);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
