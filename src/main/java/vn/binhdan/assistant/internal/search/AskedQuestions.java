package vn.binhdan.assistant.internal.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The questions learners ask that a part of a lesson answers, written with the lesson (its
 * "asked" file: the part's heading, a tab, the question), and the questions no lesson answers
 * (the weather, a recipe, a price). A learner rarely says what the lesson says: "con tui gửi cái
 * mã kêu quét để nhận tiền" is answered by "Vì sao phải kiểm tra tên người nhận?", with no word
 * in common but "mã". Matching the question against the ways people ask the same thing reaches
 * that part where the lesson's own words do not, and tells a question about the price of gold
 * from one about paying by QR code.
 *
 * <p>Each question is a vector of its ideas (the index's own reading: folded, fillers dropped,
 * synonyms made one) and of the pairs of ideas side by side, weighed by how rare they are among
 * all asked questions (tf–idf); a question is as near to another as the cosine of their vectors.
 */
public final class AskedQuestions {

    /** One asked question: the lesson (index doc, {@link #OFF_TOPIC} for none), the part's heading (null: the opening). */
    record Asked(int doc, String heading, String question) {
    }

    /** A part of a lesson and how near the learner's question comes to the questions it answers. */
    public record Match(int doc, String heading, double similarity, double support, String question) {
    }

    static final String OPENING = "(mở đầu)";
    /** The doc of the questions no lesson answers. */
    static final int OFF_TOPIC = -1;

    static final double PAIR_WEIGHT = Double.parseDouble(System.getProperty("binhdan.assistant.asked-pair", "1.0"));
    /** Asked questions whose parts compete in {@link Nearness#nearest}. */
    static final int NEIGHBOURS = Integer.getInteger("binhdan.assistant.asked-k", 5);

    private final List<Asked> asked;
    /** Feature → the asked questions having it and its weight in each (vectors of unit length). */
    private final Map<String, Postings> postings = new HashMap<>();
    private final Map<String, Double> idf = new HashMap<>();
    private final Set<Integer> asking = new HashSet<>();
    private final Function<String, List<String>> reader;

    private static final class Postings {
        int[] ids = new int[4];
        double[] weights = new double[4];
        int size;

        void add(int id, double weight) {
            if (size == ids.length) {
                ids = java.util.Arrays.copyOf(ids, size * 2);
                weights = java.util.Arrays.copyOf(weights, size * 2);
            }
            ids[size] = id;
            weights[size++] = weight;
        }
    }

    private AskedQuestions(List<Asked> asked, Function<String, List<String>> reader) {
        this.asked = asked;
        this.reader = reader;
        List<Map<String, Integer>> counts = new ArrayList<>();
        Map<String, Integer> df = new HashMap<>();
        for (Asked a : asked) {
            asking.add(a.doc());
            Map<String, Integer> c = features(reader.apply(a.question()));
            counts.add(c);
            for (String f : c.keySet()) {
                df.merge(f, 1, Integer::sum);
            }
        }
        int n = Math.max(1, asked.size());
        df.forEach((f, d) -> idf.put(f, Math.log((n + 1.0) / (d + 0.5))));
        for (int i = 0; i < counts.size(); i++) {
            for (Map.Entry<String, Double> e : weigh(counts.get(i)).entrySet()) {
                postings.computeIfAbsent(e.getKey(), k -> new Postings()).add(i, e.getValue());
            }
        }
        // complement naive Bayes over the lessons (and the off-topic questions as one more class): where the
        // nearest questions match a whole wording, this learns which words tell one lesson from all the others
        List<Integer> docs = new ArrayList<>(new java.util.TreeSet<>(asking));
        classes = docs.stream().mapToInt(Integer::intValue).toArray();
        Map<Integer, Integer> classOf = new HashMap<>();
        for (int c = 0; c < classes.length; c++) {
            classOf.put(classes[c], c);
        }
        Map<String, double[]> inClass = new HashMap<>();
        for (int i = 0; i < counts.size(); i++) {
            int c = classOf.get(asked.get(i).doc());
            for (Map.Entry<String, Integer> e : counts.get(i).entrySet()) {
                inClass.computeIfAbsent(e.getKey(), k -> new double[classes.length])[c] += 1 + Math.log(e.getValue());
            }
        }
        double[] complementTotal = new double[classes.length];
        int features = inClass.size();
        Map<String, Double> featureTotal = new HashMap<>();
        double all = 0;
        for (Map.Entry<String, double[]> e : inClass.entrySet()) {
            double t = 0;
            for (double x : e.getValue()) {
                t += x;
            }
            featureTotal.put(e.getKey(), t);
            all += t;
        }
        for (int c = 0; c < classes.length; c++) {
            double inC = 0;
            for (double[] x : inClass.values()) {
                inC += x[c];
            }
            complementTotal[c] = all - inC + BAYES_ALPHA * features;
        }
        double[] norm = new double[classes.length];
        for (Map.Entry<String, double[]> e : inClass.entrySet()) {
            double[] w = new double[classes.length];
            for (int c = 0; c < classes.length; c++) {
                w[c] = Math.log((featureTotal.get(e.getKey()) - e.getValue()[c] + BAYES_ALPHA) / complementTotal[c]);
                norm[c] += Math.abs(w[c]);
            }
            bayes.put(e.getKey(), w);
        }
        for (double[] w : bayes.values()) {
            for (int c = 0; c < classes.length; c++) {
                w[c] /= norm[c];
            }
        }
    }

    static final double BAYES_ALPHA = Double.parseDouble(System.getProperty("binhdan.assistant.bayes-alpha", "0.3"));
    /** The lessons (index docs, and {@link #OFF_TOPIC}) in the order of the Bayes weights' classes. */
    private int[] classes = new int[0];
    /** Feature → its complement weight in each class (lower: more typical of the class). */
    private final Map<String, double[]> bayes = new HashMap<>();

    /**
     * @param files    each lesson's asked file by index doc
     * @param offTopic questions no lesson answers
     * @param reader   the ideas of a question, in order, as the index reads them
     */
    static AskedQuestions of(Map<Integer, String> files, List<String> offTopic, Function<String, List<String>> reader) {
        List<Asked> all = new ArrayList<>();
        // without any lesson's asked questions there is nothing to be nearer to than the off-topic ones
        for (String q : files.isEmpty() ? List.<String>of() : offTopic) {
            all.add(new Asked(OFF_TOPIC, null, q));
        }
        files.forEach((doc, file) -> {
            for (String line : file.split("\n")) {
                int tab = line.indexOf('\t');
                if (tab <= 0 || line.startsWith("#")) {
                    continue;
                }
                String heading = line.substring(0, tab).strip();
                String q = line.substring(tab + 1).strip();
                if (!q.isEmpty()) {
                    all.add(new Asked(doc, heading.equals(OPENING) ? null : heading, q));
                }
            }
        });
        return new AskedQuestions(List.copyOf(all), reader);
    }

    int size() {
        return asked.size();
    }

    /** Whether a lesson (index doc) has asked questions of its own. */
    boolean asks(int doc) {
        return asking.contains(doc);
    }

    private static Map<String, Integer> features(List<String> ideas) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < ideas.size(); i++) {
            out.merge(ideas.get(i), 1, Integer::sum);
            if (i + 1 < ideas.size()) {
                out.merge(ideas.get(i) + "|" + ideas.get(i + 1), 1, Integer::sum);
            }
        }
        return out;
    }

    private Map<String, Double> weigh(Map<String, Integer> counts) {
        Map<String, Double> v = new HashMap<>();
        double norm = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            Double w = idf.get(e.getKey());
            if (w == null || w <= 0) {
                continue;
            }
            double x = (1 + Math.log(e.getValue())) * w * (e.getKey().indexOf('|') >= 0 ? PAIR_WEIGHT : 1);
            v.put(e.getKey(), x);
            norm += x * x;
        }
        double len = Math.sqrt(norm);
        if (len > 0) {
            v.replaceAll((k, x) -> x / len);
        }
        return v;
    }

    /** How near a question comes to every asked question, computed once and read three ways. */
    Nearness read(String question) {
        Map<String, Integer> counts = features(reader.apply(question));
        double[] score = new double[classes.length];
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            double[] w = bayes.get(e.getKey());
            if (w != null) {
                for (int c = 0; c < classes.length; c++) {
                    score[c] -= (1 + Math.log(e.getValue())) * w[c];
                }
            }
        }
        double mean = 0;
        for (double x : score) {
            mean += x / Math.max(1, score.length);
        }
        double var = 0;
        for (double x : score) {
            var += (x - mean) * (x - mean) / Math.max(1, score.length);
        }
        Map<Integer, Double> typical = new HashMap<>();
        for (int c = 0; c < classes.length; c++) {
            typical.put(classes[c], var > 0 ? (score[c] - mean) / Math.sqrt(var) : 0);
        }
        double[] sim = new double[asked.size()];
        for (Map.Entry<String, Double> e : weigh(counts).entrySet()) {
            Postings p = postings.get(e.getKey());
            if (p == null) {
                continue;
            }
            for (int k = 0; k < p.size; k++) {
                sim[p.ids[k]] += e.getValue() * p.weights[k];
            }
        }
        return new Nearness(sim, typical);
    }

    final class Nearness {

        private final double[] sim;
        private final Map<Integer, Double> typical;

        private Nearness(double[] sim, Map<Integer, Double> typical) {
            this.sim = sim;
            this.typical = typical;
        }

        /**
         * How typical the question's words are of a lesson's asked questions against all the others'
         * (standardised over the lessons: 0 is average, 2 stands out); 0 for a lesson without any.
         */
        double typicalOf(int doc) {
            return typical.getOrDefault(doc, 0.0);
        }

        /**
         * The parts whose asked questions come nearest, best first (the off-topic questions one part of
         * doc {@link #OFF_TOPIC}): {@code similarity} is the nearest question's, {@code support} the summed
         * similarity of the part's questions among the {@link #NEIGHBOURS} nearest (several ways of asking
         * agreeing on one part).
         */
        List<Match> nearest() {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < sim.length; i++) {
                if (sim[i] > 0) {
                    order.add(i);
                }
            }
            order.sort((a, b) -> Double.compare(sim[b], sim[a]));
            Map<String, double[]> byPart = new LinkedHashMap<>();
            Map<String, Asked> first = new HashMap<>();
            for (int k = 0; k < Math.min(NEIGHBOURS, order.size()); k++) {
                Asked a = asked.get(order.get(k));
                String key = a.doc() + "\t" + a.heading();
                double[] s = byPart.computeIfAbsent(key, x -> new double[2]);
                s[0] = Math.max(s[0], sim[order.get(k)]);
                s[1] += sim[order.get(k)];
                first.putIfAbsent(key, a);
            }
            List<Match> out = new ArrayList<>();
            byPart.forEach((key, s) -> out.add(new Match(first.get(key).doc(), first.get(key).heading(), s[0], s[1],
                    first.get(key).question())));
            out.sort((a, b) -> Double.compare(b.support(), a.support()));
            return out;
        }

        /**
         * For each lesson some asked question of which comes near, its nearest: {@code similarity} that
         * question's, {@code support} the mean of the lesson's three nearest (one lucky wording weighs less
         * than a lesson asked about in several ways).
         */
        Map<Integer, Match> byLesson() {
            Map<Integer, Match> out = new HashMap<>();
            Map<Integer, double[]> top = new HashMap<>();
            for (int i = 0; i < sim.length; i++) {
                Asked a = asked.get(i);
                if (sim[i] <= 0 || a.doc() == OFF_TOPIC) {
                    continue;
                }
                double[] t = top.computeIfAbsent(a.doc(), d -> new double[3]);
                // the three largest, largest first
                if (sim[i] > t[2]) {
                    t[2] = sim[i];
                    for (int k = 2; k > 0 && t[k] > t[k - 1]; k--) {
                        double x = t[k - 1];
                        t[k - 1] = t[k];
                        t[k] = x;
                    }
                }
                Match m = out.get(a.doc());
                if (m == null || sim[i] > m.similarity()) {
                    out.put(a.doc(), new Match(a.doc(), a.heading(), sim[i], 0, a.question()));
                }
            }
            out.replaceAll((d, m) -> new Match(d, m.heading(), m.similarity(),
                    (top.get(d)[0] + top.get(d)[1] + top.get(d)[2]) / 3, m.question()));
            return out;
        }

        /** For each part of a lesson (by heading, {@link #OPENING} for the opening), its nearest asked question's similarity. */
        Map<String, Double> byPart(int doc) {
            Map<String, Double> out = new HashMap<>();
            for (int i = 0; i < sim.length; i++) {
                Asked a = asked.get(i);
                if (a.doc() == doc && sim[i] > 0) {
                    out.merge(a.heading() == null ? OPENING : a.heading(), sim[i], Math::max);
                }
            }
            return out;
        }
    }
}
