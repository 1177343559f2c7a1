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
        String nfc = Normalizer.normalize(s, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
        return nfc.isEmpty() ? null : nfc;
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
