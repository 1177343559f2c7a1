package vn.binhdan.assistant.internal.path;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The placement check's statistics, kept free of Spring and the database so that the bench
 * can run the very same code on simulated learners.
 *
 * <p>A one-parameter logistic (Rasch) model: a learner with ability θ in a competency answers a
 * question of difficulty b right with probability 1 / (1 + e^(b − θ)). Abilities of the
 * competencies of one area are related (someone who handles passwords well usually knows OTPs),
 * so each competency's prior is centred on what the other answers in its area say; a short
 * check then still says something about a competency it had no time to ask about. Posteriors
 * are computed on a grid, which is exact enough and cheap for 30 answers.
 */
public final class PlacementModel {

    /** A competency counts as mastered when the ability is above this (logits). */
    public static final double CUT = 0.5;
    /** How sure the estimate must be, either way, before a competency needs no more questions. */
    public static final double CONFIDENCE = 0.8;
    /** Bank statistics replace the author's difficulty from this many answers on. */
    public static final int MIN_ANSWERS = 30;

    static final double AREA_PRIOR_SD = 1.2;
    static final double WITHIN_AREA_SD = 0.6;
    private static final double[] GRID = new double[121];

    static {
        for (int i = 0; i < GRID.length; i++) {
            GRID[i] = -6 + i * 0.1;
        }
    }

    private PlacementModel() {
    }

    /** A question as the model sees it. */
    public record Item(String code, String competency, double difficulty) {
    }

    /** One graded answer. */
    public record Response(String competency, double difficulty, boolean correct) {
    }

    /** What is believed about one competency: ability and its spread (logits), and P(ability > cut). */
    public record Estimate(String competency, double ability, double spread, double mastery, int answered) {

        public boolean confident() {
            return mastery >= CONFIDENCE || mastery <= 1 - CONFIDENCE;
        }

        public Level level() {
            return Level.of(mastery);
        }
    }

    public enum Level {
        MASTERED, PARTIAL, NOT_YET;

        public static Level of(double mastery) {
            return mastery >= CONFIDENCE ? MASTERED : mastery <= 1 - CONFIDENCE ? NOT_YET : PARTIAL;
        }
    }

    /**
     * The difficulty in logits: from the share answered right once enough learners answered it
     * (an average learner sits at 0), else from the author's 1–5 scale.
     */
    public static double difficulty(int authorDifficulty, long timesUsed, long timesCorrect) {
        if (timesUsed >= MIN_ANSWERS) {
            // half a right and half a wrong answer added keep a question everybody got right finite
            double p = (timesCorrect + 0.5) / (timesUsed + 1.0);
            return clamp(Math.log((1 - p) / p), -3, 3);
        }
        return (authorDifficulty - 3) * 0.75;
    }

    public static double pRight(double ability, double difficulty) {
        return 1 / (1 + Math.exp(difficulty - ability));
    }

    /** Estimates for every competency in {@code competencies} from the answers so far. */
    public static Map<String, Estimate> estimate(Collection<String> competencies, Function<String, String> areaOf,
                                                 List<Response> responses) {
        Map<String, List<Response>> byCompetency = new HashMap<>();
        for (Response r : responses) {
            byCompetency.computeIfAbsent(r.competency(), k -> new ArrayList<>()).add(r);
        }
        Map<String, Estimate> out = new LinkedHashMap<>();
        for (String c : competencies) {
            String area = areaOf.apply(c);
            // the area's other answers, so that a competency's own answers are not counted twice
            List<Response> others = new ArrayList<>();
            for (Response r : responses) {
                if (!r.competency().equals(c) && area.equals(areaOf.apply(r.competency()))) {
                    others.add(r);
                }
            }
            double[] areaPost = posterior(normal(0, AREA_PRIOR_SD), others);
            double m = mean(areaPost);
            double sd = Math.sqrt(variance(areaPost, m) + WITHIN_AREA_SD * WITHIN_AREA_SD);
            List<Response> own = byCompetency.getOrDefault(c, List.of());
            out.put(c, summarise(c, posterior(normal(m, sd), own), own.size()));
        }
        return out;
    }

    /** Folds one more piece of evidence into a normal belief, e.g. a completed lesson as an answer at the cut. */
    public static Estimate update(String competency, double ability, double spread, int answered, double difficulty,
                                  boolean correct) {
        double[] post = posterior(normal(ability, spread), List.of(new Response(competency, difficulty, correct)));
        return summarise(competency, post, answered + 1);
    }

    /** The belief before any answer, for a competency nobody asked about. */
    public static Estimate prior(String competency) {
        return summarise(competency, posterior(normal(0, Math.hypot(AREA_PRIOR_SD, WITHIN_AREA_SD)), List.of()), 0);
    }

    /**
     * The next question, or empty when every competency is settled or the cap is reached. The
     * competency least settled (shared out by how often it was asked already) is asked next, with
     * its unused question whose difficulty is closest to the current estimate: there a 1PL
     * answer tells the most.
     */
    public static Optional<Item> next(Collection<Item> bank, Set<String> used, Map<String, Estimate> estimates,
                                      int asked, int cap) {
        if (asked >= cap) {
            return Optional.empty();
        }
        Map<String, List<Item>> open = new HashMap<>();
        for (Item i : bank) {
            if (!used.contains(i.code()) && estimates.containsKey(i.competency())) {
                open.computeIfAbsent(i.competency(), k -> new ArrayList<>()).add(i);
            }
        }
        Estimate best = null;
        double bestScore = 0;
        for (Estimate e : estimates.values()) {
            if (e.confident() || !open.containsKey(e.competency())) {
                continue;
            }
            double score = Math.min(e.mastery(), 1 - e.mastery()) / (1 + e.answered());
            if (best == null || score > bestScore) {
                best = e;
                bestScore = score;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        double target = best.ability();
        Item pick = null;
        for (Item i : open.get(best.competency())) {
            if (pick == null || Math.abs(i.difficulty() - target) < Math.abs(pick.difficulty() - target)) {
                pick = i;
            }
        }
        return Optional.of(pick);
    }

    private static double[] normal(double mean, double sd) {
        double[] p = new double[GRID.length];
        for (int i = 0; i < GRID.length; i++) {
            double z = (GRID[i] - mean) / sd;
            p[i] = Math.exp(-0.5 * z * z);
        }
        return p;
    }

    private static double[] posterior(double[] prior, List<Response> responses) {
        double[] p = prior.clone();
        for (Response r : responses) {
            for (int i = 0; i < GRID.length; i++) {
                double right = pRight(GRID[i], r.difficulty());
                p[i] *= r.correct() ? right : 1 - right;
            }
        }
        double sum = 0;
        for (double x : p) {
            sum += x;
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private static Estimate summarise(String competency, double[] post, int answered) {
        double m = mean(post);
        double above = 0;
        for (int i = 0; i < GRID.length; i++) {
            if (GRID[i] > CUT) {
                above += post[i];
            }
        }
        return new Estimate(competency, m, Math.sqrt(variance(post, m)), above, answered);
    }

    private static double mean(double[] post) {
        double m = 0;
        for (int i = 0; i < GRID.length; i++) {
            m += GRID[i] * post[i];
        }
        return m;
    }

    private static double variance(double[] post, double mean) {
        double v = 0;
        for (int i = 0; i < GRID.length; i++) {
            v += (GRID[i] - mean) * (GRID[i] - mean) * post[i];
        }
        return v;
    }

    private static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }
}
