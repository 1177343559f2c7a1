package vn.binhdan.assistant.internal.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.binhdan.assistant.SearchHit;

/**
 * The extractive assistant: no model, only the lessons' own sentences. It answers when the best
 * lesson covers enough of the question; otherwise it says so and offers the nearest lessons.
 * Nothing it says is written by it except the fixed framing in the page.
 */
public final class AssistantEngine {

    /** Sentences joined into one answer: enough to be useful on a phone, short enough to read aloud. */
    static final int MAX_SENTENCES = 4;
    static final double[] RANK_FACTOR = {1.0, 0.8, 0.65};

    private AssistantEngine() {
    }

    /**
     * {@code cited}: the stored fields of each cited lesson, in the order the answer uses them;
     * {@code passages}: those lessons' texts, the only context a generative model is given.
     */
    public record Extract(boolean answered, String answer, List<Map<String, String>> cited, List<String> passages,
                          List<SearchHit> closest, double coverage) {
    }

    /**
     * The share of the question one sentence must cover. Folded syllables collide ("nấu phở bò"
     * finds "nâu", "phố" and "bộ" somewhere in any long lesson): an unrelated question scatters
     * over a lesson, a real answer gathers in one sentence.
     */
    public static final double MIN_SENTENCE_COVERAGE = Double.parseDouble(
            System.getProperty("binhdan.assistant.min-sentence-coverage", "0.5"));

    static final double SHORT_QUESTION_COVERAGE = Double.parseDouble(
            System.getProperty("binhdan.assistant.short-question-coverage", "0.7"));

    public static Extract answer(SearchIndex index, String question, double minCoverage) {
        return answer(index, question, minCoverage, MIN_SENTENCE_COVERAGE);
    }

    public static Extract answer(SearchIndex index, String question, double minCoverage, double minSentenceCoverage) {
        SearchIndex.Parsed parsed = index.parse(question);
        List<SearchIndex.Ranked> lessons = index.rank(parsed, 12).stream()
                .filter(r -> "LESSON".equals(r.kind())).limit(3).toList();
        if (lessons.isEmpty()) {
            return new Extract(false, null, List.of(), List.of(), List.of(), 0);
        }
        double coverage = index.coverage(parsed, lessons.getFirst().doc());
        if (coverage < minCoverage) {
            return new Extract(false, null, List.of(), List.of(), index.hits(parsed, lessons), coverage);
        }
        List<SearchIndex.Sentence> candidates = new ArrayList<>();
        for (int i = 0; i < lessons.size(); i++) {
            int doc = lessons.get(i).doc();
            // a runner-up lesson that covers little of the question would only add noise
            if (i > 0 && index.coverage(parsed, doc) < minCoverage) {
                continue;
            }
            candidates.addAll(index.sentences(parsed, doc, RANK_FACTOR[i]));
        }
        candidates.sort(Comparator.comparingDouble(SearchIndex.Sentence::score).reversed());
        double gathered = candidates.stream().mapToDouble(SearchIndex.Sentence::coverage).max().orElse(0);
        // with two ideas or fewer, half the question is one word: "lúa nước" must not be answered by "nước"
        double needed = parsed.concepts().size() <= 2 ? Math.max(minSentenceCoverage, SHORT_QUESTION_COVERAGE)
                : minSentenceCoverage;
        if (candidates.isEmpty() || gathered < needed) {
            return new Extract(false, null, List.of(), List.of(), index.hits(parsed, lessons), coverage);
        }
        double best = candidates.getFirst().score();
        List<SearchIndex.Sentence> chosen = new ArrayList<>();
        Set<String> texts = new LinkedHashSet<>();
        for (SearchIndex.Sentence s : candidates) {
            if (chosen.size() >= MAX_SENTENCES || (chosen.size() >= 2 && s.score() < 0.45 * best)) {
                break;
            }
            if (texts.add(s.text())) {
                chosen.add(s);
            }
        }
        List<Integer> docOrder = lessons.stream().map(SearchIndex.Ranked::doc).toList();
        // read in the lessons' own order, so the steps of a procedure stay in sequence
        chosen.sort(Comparator.comparingInt((SearchIndex.Sentence s) -> docOrder.indexOf(s.doc()))
                .thenComparingInt(SearchIndex.Sentence::order));
        StringBuilder answer = new StringBuilder();
        List<Map<String, String>> cited = new ArrayList<>();
        List<String> passages = new ArrayList<>();
        Set<Integer> citedDocs = new LinkedHashSet<>();
        for (SearchIndex.Sentence s : chosen) {
            if (!answer.isEmpty()) {
                answer.append(' ');
            }
            answer.append(s.text());
            if (citedDocs.add(s.doc())) {
                cited.add(index.stored(s.doc()));
                passages.add(index.text(s.doc()));
            }
        }
        return new Extract(true, answer.toString(), cited, passages, List.of(), coverage);
    }
}
