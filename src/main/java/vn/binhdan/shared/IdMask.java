package vn.binhdan.shared;

/**
 * How an ID number (12-digit CCCD) may be shown outside the registry: all but its last three
 * characters hidden, as the registry itself keeps only those three (e.g. {@code *********001}).
 */
public final class IdMask {

    private IdMask() {
    }

    public static String mask(String id) {
        if (id == null || id.isEmpty()) {
            return id;
        }
        String compact = compact(id);
        if (compact.length() <= 3) {
            return "*".repeat(compact.length());
        }
        return "*".repeat(compact.length() - 3) + compact.substring(compact.length() - 3);
    }

    /**
     * A value shaped like a CCCD wherever it stands: a file whose headers are not recognised still
     * must not show ID numbers in its preview.
     */
    public static boolean looksLikeId(String text) {
        if (text == null || text.length() < 12 || text.length() > 20) {
            return false;
        }
        String compact = compact(text);
        return compact.length() == 12 && compact.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The value masked if it looks like an ID number, unchanged otherwise. */
    public static String maskIfId(String text) {
        return looksLikeId(text) ? mask(text) : text;
    }

    private static String compact(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!VietnameseText.isSpace(c) && c != '.' && c != '-') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
