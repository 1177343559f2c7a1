package vn.binhdan.shared;

import java.text.Normalizer;
import java.util.Locale;

/** Vietnamese text helpers: files mix NFC and NFD, and people search without diacritics. */
public final class VietnameseText {

    private VietnameseText() {
    }

    /** Canonical stored form: NFC, trimmed, inner whitespace collapsed. */
    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        // called for every cell of a million-row import: no regex, and no copy when nothing changes
        String nfc = Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
        int n = nfc.length();
        boolean tidy = n > 0 && !isSpace(nfc.charAt(0)) && !isSpace(nfc.charAt(n - 1));
        for (int i = 0; tidy && i < n; i++) {
            char c = nfc.charAt(i);
            if (isInvisible(c) || (isSpace(c) && (c != ' ' || nfc.charAt(i - 1) == ' '))) {
                tidy = false;
            }
        }
        if (tidy) {
            return nfc;
        }
        StringBuilder out = new StringBuilder(n);
        boolean space = false;
        for (int i = 0; i < n; i++) {
            char c = nfc.charAt(i);
            if (isInvisible(c)) {
                continue;
            }
            if (isSpace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.isEmpty() ? null : out.toString();
    }

    /**
     * Java's whitespace leaves out the no-break spaces, yet Excel and web pages copied into it are
     * full of U+00A0: "066 170 100 001" with them was not an ID number, "An\u00A0" not "An".
     */
    public static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F';
    }

    /** Zero-width characters pasted along with text: they make equal names differ and are never meant. */
    private static boolean isInvisible(char c) {
        return c == '\u200B' || c == '\uFEFF' || c == '\u2060';
    }

    /** Search key: lower case, no diacritics, đ → d, single spaces ("Nguyễn Văn An" → "nguyen van an"). */
    public static String fold(String s) {
        if (s == null) {
            return "";
        }
        String d = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(d.length());
        boolean space = false;
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (c == 'đ' || c == 'Đ') {
                c = 'd';
            }
            if (isSpace(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
