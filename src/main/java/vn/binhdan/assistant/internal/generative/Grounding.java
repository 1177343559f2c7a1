package vn.binhdan.assistant.internal.generative;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a generated answer stays with the lessons it was given. A model may still invent: the
 * most harmful inventions for a learner are a phone number, a web address or an app to go to
 * (exactly what a scam looks like), so any of those not found in the lessons sets the answer
 * aside outright. Otherwise enough of its pairs of neighbouring syllables must occur in the
 * lessons or the question: single Vietnamese syllables, without diacritics, are found in any long
 * lesson ("giá vàng" folds to words of a scam lesson), their pairs are not — while a rewording of
 * a lesson keeps its compound words ("lừa đảo", "chuyển tiền", "mã OTP").
 */
final class Grounding {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+|\\b[\\w-]+\\.(?:vn|com|net|org|gov|io|app)\\b");
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d(?:[\\s.\\-]?\\d){5,}");

    private Grounding() {
    }

    static boolean staysWith(String answer, List<String> context, double minShare) {
        String joined = String.join("\n", context);
        String foldedContext = fold(joined);
        Set<String> numbersOfContext = new HashSet<>();
        LONG_NUMBER.matcher(joined).results().forEach(m -> numbersOfContext.add(m.group().replaceAll("\\D", "")));
        Matcher links = LINK.matcher(answer);
        while (links.find()) {
            if (!foldedContext.contains(fold(links.group()).replaceAll("[/.]+$", ""))) {
                return false;
            }
        }
        Matcher numbers = LONG_NUMBER.matcher(answer);
        while (numbers.find()) {
            String digits = numbers.group().replaceAll("\\D", "");
            if (numbersOfContext.stream().noneMatch(n -> n.contains(digits))) {
                return false;
            }
        }
        Set<String> known = new HashSet<>(pairs(foldedContext));
        List<String> said = pairs(fold(answer));
        if (said.isEmpty()) {
            return false;
        }
        long found = said.stream().filter(known::contains).count();
        return (double) found / said.size() >= minShare;
    }

    private static List<String> pairs(String folded) {
        List<String> out = new java.util.ArrayList<>();
        // a sentence or clause boundary breaks a pair: "...khóa. Ngân hàng" is not a compound
        for (String clause : folded.split("[.,;:!?()\\n\"“”]+")) {
            List<String> w = words(clause);
            for (int i = 1; i < w.size(); i++) {
                out.add(w.get(i - 1) + ' ' + w.get(i));
            }
        }
        return out;
    }

    /** Lower case without diacritics: the model may write "đăng nhập" where the lesson has "Đăng nhập". */
    static String fold(String text) {
        String nfd = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return MARKS.matcher(nfd).replaceAll("").replace('đ', 'd');
    }

    private static List<String> words(String folded) {
        return WORD.matcher(folded).results().map(m -> m.group()).toList();
    }
}
