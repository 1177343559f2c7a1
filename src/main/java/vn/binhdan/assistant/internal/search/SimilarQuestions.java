package vn.binhdan.assistant.internal.search;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gathers the wordings of unanswered questions that ask the same thing. Identical folded keyword
 * sets are already one wording; this also merges sets that overlap strongly (Jaccard at least
 * one half, or a set of two or more words inside another), because learners ask "đổi mật khẩu
 * wifi" and "cách đổi mật khẩu wifi nhà mình" and an author should see one need asked twice,
 * not two needs asked once. A wording joins the group whose most asked wording it is closest to,
 * not any member's: chains of small overlaps would otherwise glue unrelated questions together.
 */
public final class SimilarQuestions {

    static final double MIN_JACCARD = 0.5;
    private static final int LABEL_WORDS = 6;

    private SimilarQuestions() {
    }

    /** One folded keyword set with how often and when it was last asked. */
    public record Wording(String keywords, long count, Instant lastAskedAt) {

        Set<String> words() {
            return new LinkedHashSet<>(Arrays.asList(keywords.split(" ")));
        }
    }

    /** A group: its wordings, the most asked first. */
    public record Group(List<Wording> wordings) {

        public Wording seed() {
            return wordings.getFirst();
        }

        public long count() {
            return wordings.stream().mapToLong(Wording::count).sum();
        }

        public Instant lastAskedAt() {
            return wordings.stream().map(Wording::lastAskedAt).max(Comparator.naturalOrder()).orElseThrow();
        }

        public List<String> keywordSets() {
            return wordings.stream().map(Wording::keywords).toList();
        }
    }

    /** Groups the wordings, most asked group first (then the most recently asked). */
    public static List<Group> group(List<Wording> wordings) {
        List<Wording> ordered = new ArrayList<>(wordings);
        ordered.sort(Comparator.comparingLong(Wording::count).reversed()
                .thenComparing(Wording::lastAskedAt, Comparator.reverseOrder()).thenComparing(Wording::keywords));
        List<Set<String>> seeds = new ArrayList<>();
        List<List<Wording>> members = new ArrayList<>();
        for (Wording w : ordered) {
            Set<String> words = w.words();
            int best = -1;
            double bestScore = 0;
            for (int i = 0; i < seeds.size(); i++) {
                double score = similarity(seeds.get(i), words);
                if (score > bestScore) {
                    best = i;
                    bestScore = score;
                }
            }
            if (best < 0) {
                seeds.add(words);
                members.add(new ArrayList<>(List.of(w)));
            } else {
                members.get(best).add(w);
            }
        }
        List<Group> groups = new ArrayList<>(members.stream().map(Group::new).toList());
        groups.sort(Comparator.comparingLong(Group::count).reversed()
                .thenComparing(Group::lastAskedAt, Comparator.reverseOrder()));
        return groups;
    }

    /** How alike two keyword sets are, 0 when they should not be merged; 1 when one holds the other. */
    static double similarity(Set<String> a, Set<String> b) {
        int common = 0;
        for (String w : a) {
            if (b.contains(w)) {
                common++;
            }
        }
        if (common == 0) {
            return 0;
        }
        int smaller = Math.min(a.size(), b.size());
        if (common == smaller && smaller >= 2) {
            return 1; // "mat khau wifi" inside "doi mat khau wifi nha": the same need, said shorter
        }
        double jaccard = (double) common / (a.size() + b.size() - common);
        return jaccard >= MIN_JACCARD ? jaccard : 0;
    }

    /**
     * The group's most frequent keywords (counting each wording as often as it was asked), in the
     * order a learner said them in the example, so the label reads like a short question.
     */
    public static String label(Group group, List<String> examples) {
        Map<String, Long> weight = new HashMap<>();
        for (Wording w : group.wordings()) {
            for (String word : w.words()) {
                weight.merge(word, w.count(), Long::sum);
            }
        }
        long total = group.count();
        List<String> frequent = new ArrayList<>(weight.keySet().stream()
                .filter(w -> weight.get(w) * 2 >= total)
                .sorted(Comparator.comparing((String w) -> weight.get(w)).reversed().thenComparing(w -> w))
                .limit(LABEL_WORDS).toList());
        List<String> said = examples.isEmpty() ? List.of() : Arrays.asList(fold(examples.getFirst()).split("[^\\p{L}\\p{N}]+"));
        frequent.sort(Comparator.comparingInt(w -> {
            int at = said.indexOf(w);
            return at < 0 ? Integer.MAX_VALUE : at;
        }));
        return String.join(" ", frequent);
    }

    /** Lower case without diacritics, as the index folds a question: "Đổi mật khẩu" → "doi mat khau". */
    static String fold(String s) {
        String flat = Normalizer.normalize(s.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        return flat.replaceAll("\\p{M}+", "").toLowerCase(java.util.Locale.ROOT);
    }
}
