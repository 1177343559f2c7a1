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
        boolean tidy = n > 0 && !Character.isWhitespace(nfc.charAt(0)) && !Character.isWhitespace(nfc.charAt(n - 1));
        for (int i = 1; tidy && i < n; i++) {
            char c = nfc.charAt(i);
            if (Character.isWhitespace(c) && (c != ' ' || nfc.charAt(i - 1) == ' ')) {
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
            if (Character.isWhitespace(c)) {
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
            if (Character.isWhitespace(c)) {
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
