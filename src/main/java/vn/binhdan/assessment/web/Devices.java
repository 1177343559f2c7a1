package vn.binhdan.assessment.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short device mark kept with each attempt, for the integrity review (one device finishing
 * exams for many people): the exam pages' device cookie when there is one, else a hash of the
 * browser's self-description. Not an identifier of a person.
 */
final class Devices {

    static final String COOKIE = "bd_device";

    private Devices() {
    }

    static String of(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (COOKIE.equals(c.getName()) && c.getValue() != null && c.getValue().matches("[A-Za-z0-9-]{8,40}")) {
                    return "c:" + c.getValue();
                }
            }
        }
        String agent = String.valueOf(request.getHeader("User-Agent"));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(agent.getBytes(StandardCharsets.UTF_8));
            return "ua:" + HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
