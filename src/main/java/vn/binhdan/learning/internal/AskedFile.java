package vn.binhdan.learning.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import vn.binhdan.shared.BusinessException;

/**
 * A lesson's asked questions as a course package carries them: one line per question, the part's
 * heading as the lesson writes it (or "(mở đầu)" for the text before the first heading), a tab,
 * the question. Every line is checked before anything is stored, and every wrong line is named.
 */
final class AskedFile {

    static final String OPENING = "(mở đầu)";
    static final int MAX_QUESTION = 500;

    private AskedFile() {
    }

    /** The file as stored (lines trimmed, blank lines and comments dropped); refused with its wrong lines' numbers. */
    static String check(String file, String body, String lesson) {
        Set<String> headings = new HashSet<>();
        Jsoup.parseBodyFragment(body == null ? "" : body).body().select("h1, h2, h3, h4")
                .forEach(h -> headings.add(h.text().strip()));
        List<Integer> malformed = new ArrayList<>();
        List<Integer> unknown = new ArrayList<>();
        String firstUnknown = null;
        List<String> kept = new ArrayList<>();
        String[] lines = file.replace("\r", "").split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            String question = tab < 0 ? "" : line.substring(tab + 1).strip();
            if (tab <= 0 || question.isEmpty() || question.length() > MAX_QUESTION || question.indexOf('\t') >= 0) {
                malformed.add(i + 1);
                continue;
            }
            String heading = line.substring(0, tab).strip();
            if (!heading.equals(OPENING) && !headings.contains(heading)) {
                unknown.add(i + 1);
                firstUnknown = firstUnknown == null ? heading : firstUnknown;
                continue;
            }
            kept.add(heading + "\t" + question);
        }
        if (!malformed.isEmpty()) {
            throw new BusinessException("lesson.askedMalformed", lesson, numbers(malformed));
        }
        if (!unknown.isEmpty()) {
            throw new BusinessException("lesson.askedUnknownPart", lesson, numbers(unknown), firstUnknown);
        }
        return kept.isEmpty() ? null : String.join("\n", kept);
    }

    /** "3, 7, 12" — at most twenty, then "…": enough to find them. */
    private static String numbers(List<Integer> lines) {
        String s = lines.stream().limit(20).map(String::valueOf).collect(Collectors.joining(", "));
        return lines.size() > 20 ? s + ", …" : s;
    }
}
