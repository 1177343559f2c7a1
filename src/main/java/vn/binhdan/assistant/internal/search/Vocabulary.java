package vn.binhdan.assistant.internal.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * The synonym groups and stop words, kept as data files so that content authors can extend them
 * without a release of code. Entries are folded with the index's analysis, so the files may be
 * written with or without diacritics.
 */
public final class Vocabulary {

    /** Phrases (folded token lists) by their first token, longest first. */
    private final Map<String, List<List<String>>> phrasesByFirst = new HashMap<>();
    private final Map<List<String>, List<List<String>>> groupOf = new HashMap<>();
    private final Set<String> stopwords = new HashSet<>();
    /** Stop words only as typed with these marks: "vậy" says nothing, "vay" (a loan) does. */
    private final Set<String> markedStopwords = new HashSet<>();
    private final int groups;

    private Vocabulary(Analyzer analyzer, String synonyms, String stops) {
        int n = 0;
        for (String line : synonyms.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            List<List<String>> group = new ArrayList<>();
            for (String entry : l.split(",")) {
                List<String> tokens = IndexAnalysis.tokens(analyzer, entry);
                if (!tokens.isEmpty() && !group.contains(tokens)) {
                    group.add(List.copyOf(tokens));
                }
            }
            if (group.size() < 2) {
                continue;
            }
            n++;
            for (List<String> phrase : group) {
                // a phrase in two groups joins them: both lists mean the same thing to a reader
                List<List<String>> merged = new ArrayList<>(groupOf.getOrDefault(phrase, List.of()));
                for (List<String> p : group) {
                    if (!merged.contains(p)) {
                        merged.add(p);
                    }
                }
                groupOf.put(phrase, merged);
                List<List<String>> starting = phrasesByFirst.computeIfAbsent(phrase.getFirst(), k -> new ArrayList<>());
                if (!starting.contains(phrase)) {
                    starting.add(phrase);
                    starting.sort((a, b) -> b.size() - a.size());
                }
            }
        }
        groups = n;
        for (String line : stops.split("\n")) {
            String l = line.strip();
            if (l.startsWith("=")) {
                markedStopwords.addAll(IndexAnalysis.tokens(MARKED, l.substring(1)));
            } else if (!l.isEmpty() && !l.startsWith("#")) {
                stopwords.addAll(IndexAnalysis.tokens(analyzer, l));
            }
        }
    }

    public static Vocabulary of(Analyzer analyzer, String synonyms, String stopwords) {
        return new Vocabulary(analyzer, synonyms, stopwords);
    }

    /** The files shipped under {@code assistant/} on the class path. */
    public static Vocabulary load(Analyzer analyzer) {
        Vocabulary v = new Vocabulary(analyzer, resource("assistant/synonyms.txt"), resource("assistant/stopwords.txt"));
        if (!Boolean.getBoolean("binhdan.assistant.no-offtopic")) {
            for (String line : resource("assistant/offtopic.txt").split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    v.offTopic.add(line.strip());
                }
            }
        }
        return v;
    }

    /**
     * Questions the lessons do not answer, as people ask them (the weather, a recipe, a price, a
     * broken fridge): a question nearer to these than to any lesson's asked questions is refused.
     */
    private final List<String> offTopic = new ArrayList<>();

    List<String> offTopic() {
        return offTopic;
    }

    private static String resource(String path) {
        try (InputStream in = Vocabulary.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The longest synonym phrase starting at {@code i}, or null. */
    List<String> phraseAt(List<String> tokens, int i) {
        for (List<String> phrase : phrasesByFirst.getOrDefault(tokens.get(i), List.of())) {
            if (i + phrase.size() <= tokens.size() && tokens.subList(i, i + phrase.size()).equals(phrase)) {
                return phrase;
            }
        }
        return null;
    }

    List<List<String>> group(List<String> phrase) {
        return groupOf.getOrDefault(phrase, List.of(phrase));
    }

    boolean isStopword(String token) {
        return stopwords.contains(token);
    }

    /** {@code typed}: the token as the exact analyzer reads it, marks kept. */
    boolean isMarkedStopword(String typed) {
        return markedStopwords.contains(typed);
    }

    private static final Analyzer MARKED = IndexAnalysis.exactAnalyzer();

    public int groups() {
        return groups;
    }
}
