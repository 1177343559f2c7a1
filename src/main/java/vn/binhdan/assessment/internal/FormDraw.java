package vn.binhdan.assessment.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import vn.binhdan.assessment.Blueprint;
import vn.binhdan.assessment.QuestionType;

/**
 * Draws one attempt's form from the bank. Per area of the blueprint: the difficulty mix split by
 * largest remainder, questions the person has seen avoided while unseen ones remain, and within
 * a band a weighted sample that favours the least-used questions (weight 1 / (1 + times used),
 * Efraimidis–Spirakis keys), so exposure evens out across the bank without a fixed rotation
 * anyone could learn. Options are shuffled per item, except true/false, whose fixed order is
 * part of its meaning.
 */
public final class FormDraw {

    /** What the draw needs to know of a question. */
    public record Candidate(long id, String competency, int difficulty, long timesUsed, QuestionType type,
                            int optionCount) {

        String area() {
            int dot = competency.indexOf('.');
            return dot < 0 ? competency : competency.substring(0, dot);
        }

        int band() {
            return difficulty <= 2 ? 0 : difficulty == 3 ? 1 : 2;
        }
    }

    /** A drawn question and the order its options are shown in (shown position → option index). */
    public record Drawn(Candidate question, int[] optionOrder) {
    }

    /** The bank cannot fill the blueprint for an area; the attempt must not start half-formed. */
    public static final class ShortOfQuestions extends RuntimeException {
        public final String area;
        public final int needed;
        public final int available;

        ShortOfQuestions(String area, int needed, int available) {
            super("area " + area + ": " + available + " of " + needed);
            this.area = area;
            this.needed = needed;
            this.available = available;
        }
    }

    private FormDraw() {
    }

    public static List<Drawn> draw(Blueprint blueprint, List<Candidate> bank, Set<Long> seen, RandomGenerator random) {
        Map<String, List<Candidate>> byArea = new LinkedHashMap<>();
        for (Candidate c : bank) {
            byArea.computeIfAbsent(c.area(), a -> new ArrayList<>()).add(c);
        }
        List<Drawn> form = new ArrayList<>();
        int[] mix = {blueprint.easyPercent(), blueprint.mediumPercent(), blueprint.hardPercent()};
        blueprint.perArea().forEach((area, count) -> {
            if (count == 0) {
                return;
            }
            List<Candidate> pool = byArea.getOrDefault(area, List.of());
            if (pool.size() < count) {
                throw new ShortOfQuestions(area, count, pool.size());
            }
            List<Candidate> chosen = drawArea(pool, count, split(count, mix), seen, random);
            shuffle(chosen, random);
            for (Candidate c : chosen) {
                form.add(new Drawn(c, optionOrder(c, random)));
            }
        });
        return form;
    }

    /** Splits n questions over the bands by the percentages, largest remainder first (ties: easier first). */
    static int[] split(int n, int[] percents) {
        int[] out = new int[3];
        double[] rest = new double[3];
        int given = 0;
        for (int b = 0; b < 3; b++) {
            double exact = n * percents[b] / 100.0;
            out[b] = (int) Math.floor(exact);
            rest[b] = exact - out[b];
            given += out[b];
        }
        while (given < n) {
            int best = 0;
            for (int b = 1; b < 3; b++) {
                if (rest[b] > rest[best] + 1e-9) {
                    best = b;
                }
            }
            out[best]++;
            rest[best] = -1;
            given++;
        }
        return out;
    }

    private static List<Candidate> drawArea(List<Candidate> pool, int count, int[] perBand, Set<Long> seen,
                                            RandomGenerator random) {
        // Every candidate gets one sampling key; a band takes its best keys, and any shortfall is
        // filled from the other bands (nearest difficulty first), then from questions already seen.
        Map<Long, Double> key = new java.util.HashMap<>();
        for (Candidate c : pool) {
            double u = Math.max(random.nextDouble(), Double.MIN_VALUE);
            // log of u^(1/w): the same order as the Efraimidis–Spirakis key, without underflow at high usage
            key.put(c.id(), Math.log(u) * (1.0 + c.timesUsed()));
        }
        Comparator<Candidate> byKey = Comparator.comparingDouble((Candidate c) -> key.get(c.id())).reversed();
        List<Candidate> chosen = new ArrayList<>();
        Set<Long> taken = new HashSet<>();
        // filled[b] counts the places of band b already given, whichever band filled them
        int[] filled = new int[3];
        for (boolean allowSeen : new boolean[] {false, true}) {
            for (int band = 0; band < 3; band++) {
                final int b = band;
                filled[band] += take(pool, c -> c.band() == b, allowSeen, seen, taken, byKey,
                        perBand[band] - filled[band], chosen);
            }
            for (int distance = 1; distance <= 2; distance++) {
                for (int band = 0; band < 3; band++) {
                    for (int other : new int[] {band - distance, band + distance}) {
                        if (other >= 0 && other < 3) {
                            final int o = other;
                            filled[band] += take(pool, c -> c.band() == o, allowSeen, seen, taken, byKey,
                                    perBand[band] - filled[band], chosen);
                        }
                    }
                }
            }
            if (chosen.size() >= count) {
                break;
            }
        }
        return chosen;
    }

    private static int take(List<Candidate> pool, java.util.function.Predicate<Candidate> filter, boolean allowSeen,
                            Set<Long> seen, Set<Long> taken, Comparator<Candidate> byKey, int howMany,
                            List<Candidate> into) {
        if (howMany <= 0) {
            return 0;
        }
        List<Candidate> options = pool.stream()
                .filter(filter)
                .filter(c -> !taken.contains(c.id()))
                .filter(c -> allowSeen || !seen.contains(c.id()))
                .sorted(byKey)
                .limit(howMany)
                .toList();
        for (Candidate c : options) {
            taken.add(c.id());
            into.add(c);
        }
        return options.size();
    }

    private static int[] optionOrder(Candidate c, RandomGenerator random) {
        int[] order = new int[c.optionCount()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (c.type() == QuestionType.TRUE_FALSE) {
            return order;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static <T> void shuffle(List<T> list, RandomGenerator random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
