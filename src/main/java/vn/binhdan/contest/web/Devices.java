package vn.binhdan.contest.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The device mark kept with each entry for the fair-play review, read the way the exam pages
 * read it (the same cookie, so one browser is one device across exams and contests).
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

    static String cookie(HttpServletRequest request, HttpServletResponse response) {
        String existing = of(request);
        if (existing.startsWith("c:")) {
            return existing;
        }
        String id = UUID.randomUUID().toString();
        Cookie cookie = new Cookie(COOKIE, id);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge(60 * 60 * 24 * 365);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        return "c:" + id;
    }
}
