package vn.binhdan.shared.tabular;

import java.util.List;

/**
 * Recognises Vietnamese typed with the pre-Unicode fonts still found in commune offices:
 * TCVN3/ABC (".VnTime": "NguyÔn V¨n An") and VNI ("VNI-Times": "Nguyeãn Vaên An"). Such text is
 * valid characters, so nothing downstream would notice; stored as is, the names could never be
 * found or matched again. The signs are letters a Unicode Vietnamese text never has inside a
 * word. One sign may be a foreign name ("Müller"), so a row needs two, or one that only TCVN3
 * produces.
 */
final class LegacyEncoding {

    /** TCVN3 letters (ă â ê ô ơ ư đ and toned vowels) that no Latin script puts before a letter. */
    private static final String TCVN3_ONLY = "\u00A8\u00AA\u00AC\u00AE\u00B5\u00B6\u00B7\u00B8\u00B9\u00BC\u00BD\u00BE\u00D7\u00F7\u00FE";
    /** Latin-1 letters that Vietnamese never uses but TCVN3 and VNI are full of. */
    private static final String FOREIGN = "\u00C4\u00C5\u00C6\u00C7\u00CB\u00CE\u00CF\u00D1\u00D6\u00D8\u00DB\u00DC"
            + "\u00E4\u00E5\u00E6\u00E7\u00EB\u00EE\u00EF\u00F1\u00F6\u00F8\u00FB\u00FC\u00FF";

    private LegacyEncoding() {
    }

    /** The index of the first cell of a legacy-encoded row, or -1 when the row reads as Unicode. */
    static int find(List<String> cells) {
        int signs = 0;
        int first = -1;
        for (int i = 0; i < cells.size(); i++) {
            int s = signs(cells.get(i));
            if (s > 0 && first < 0) {
                first = i;
            }
            if (s >= 2 || (signs += s) >= 2) {
                return first;
            }
        }
        return -1;
    }

    /** 2 for a certain sign, otherwise the number of likely ones. */
    static int signs(String s) {
        int n = s.length();
        int signs = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '\u00A0') {
                continue;
            }
            boolean letterBefore = i > 0 && Character.isLetter(s.charAt(i - 1));
            boolean letterAfter = i + 1 < n && Character.isLetter(s.charAt(i + 1));
            if (TCVN3_ONLY.indexOf(c) >= 0 && letterAfter) {
                return 2;
            }
            if (FOREIGN.indexOf(c) >= 0 && (letterBefore || letterAfter)) {
                signs++;
            } else if (c >= '\u00C0' && c <= '\u00FF' && Character.isLetter(c) && i > 0 && "aAeE".indexOf(s.charAt(i - 1)) >= 0) {
                // VNI writes a toned or hatted vowel as the plain vowel plus a letter ("Vaên" for Văn);
                // in Vietnamese a plain a or e is never followed by a marked vowel
                signs++;
            } else if (Character.isUpperCase(c) && letterBefore && letterAfter
                    && Character.isLowerCase(s.charAt(i - 1)) && Character.isLowerCase(s.charAt(i + 1))) {
                // TCVN3 puts lower-case toned letters on upper-case codes ("NguyÔn" for Nguyễn)
                signs++;
            }
        }
        return signs;
    }
}
