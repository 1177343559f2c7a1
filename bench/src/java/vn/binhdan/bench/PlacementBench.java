package vn.binhdan.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import vn.binhdan.assistant.internal.path.PlacementModel;
import vn.binhdan.assistant.internal.path.PlacementModel.Estimate;
import vn.binhdan.assistant.internal.path.PlacementModel.Item;
import vn.binhdan.assistant.internal.path.PlacementModel.Response;

/**
 * The placement figure: how many questions the adaptive check asks, and how often its
 * mastered / not-mastered call per competency agrees with the truth, beside a fixed 30-question
 * check on the very same simulated learners. Runs the platform's own {@link PlacementModel} on
 * the shipped question bank; no server, no database.
 *
 * <p>Simulated learners: ability in competency c = general + area + own, drawn N(0, 1),
 * N(0, 0.5) and N(0, 0.5); each answer is drawn from the 1PL model with the question's
 * difficulty as the platform calibrates it (the shipped bank has no usage yet, so the author's
 * 1–5). The truth for a competency is ability &gt; {@link PlacementModel#CUT}.
 *
 * <p>Arguments: learners per target group (default 2000), seed (default 7).
 */
public final class PlacementBench {

    static final int FIXED = 30;
    static final int[] CAPS = {10, 15, 20, 25, 30, 40};

    public static void main(String[] args) throws Exception {
        int learners = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 7;
        Map<String, List<Item>> banks = readBank();
        Function<String, String> areaOf = c -> c.substring(0, c.indexOf('.'));
        System.out.printf(Locale.ROOT, "placement bench: %d simulated learners per group, seed %d, cut %.2f logits,"
                + " confidence %.2f%n", learners, seed, PlacementModel.CUT, PlacementModel.CONFIDENCE);
        System.out.println("| group | competencies | questions | check | mean questions asked | agreement with the truth"
                + " (per competency) | learners fully right |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Map.Entry<String, List<Item>> bank : banks.entrySet()) {
            List<String> competencies = new ArrayList<>(new TreeSet<>(bank.getValue().stream().map(Item::competency)
                    .toList()));
            List<double[]> truths = new ArrayList<>();
            Random r = new Random(seed);
            Map<String, Integer> areaIndex = new LinkedHashMap<>();
            competencies.forEach(c -> areaIndex.putIfAbsent(areaOf.apply(c), areaIndex.size()));
            for (int n = 0; n < learners; n++) {
                double general = r.nextGaussian();
                double[] area = new double[areaIndex.size()];
                for (int a = 0; a < area.length; a++) {
                    area[a] = 0.5 * r.nextGaussian();
                }
                double[] t = new double[competencies.size()];
                for (int i = 0; i < t.length; i++) {
                    t[i] = general + area[areaIndex.get(areaOf.apply(competencies.get(i)))] + 0.5 * r.nextGaussian();
                }
                truths.add(t);
            }
            Result fixed = run(bank.getValue(), competencies, areaOf, truths, seed, -1);
            row(bank.getKey(), competencies.size(), bank.getValue().size(), "fixed " + FIXED, fixed);
            for (int cap : CAPS) {
                Result adaptive = run(bank.getValue(), competencies, areaOf, truths, seed, cap);
                row(bank.getKey(), competencies.size(), bank.getValue().size(), "adaptive, cap " + cap, adaptive);
            }
        }
    }

    record Result(double meanAsked, double agreement, double allRight) {
    }

    static void row(String group, int competencies, int questions, String check, Result r) {
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %s | %.1f | %.3f | %.3f |%n", group, competencies, questions,
                check, r.meanAsked(), r.agreement(), r.allRight());
    }

    /** cap &lt; 0: the fixed check (questions spread round-robin over the competencies, drawn at random). */
    static Result run(List<Item> bank, List<String> competencies, Function<String, String> areaOf, List<double[]> truths,
                      long seed, int cap) {
        Random r = new Random(seed * 31 + cap);
        long asked = 0;
        long agree = 0;
        long allRight = 0;
        Map<String, Integer> index = new LinkedHashMap<>();
        competencies.forEach(c -> index.put(c, index.size()));
        for (double[] truth : truths) {
            List<Response> responses = new ArrayList<>();
            Set<String> used = new HashSet<>();
            Map<String, Estimate> est = PlacementModel.estimate(competencies, areaOf, responses);
            if (cap < 0) {
                for (Item q : fixedForm(bank, competencies, r)) {
                    responses.add(answer(q, truth[index.get(q.competency())], r));
                }
                est = PlacementModel.estimate(competencies, areaOf, responses);
            } else {
                while (true) {
                    Optional<Item> next = PlacementModel.next(bank, used, est, responses.size(), cap);
                    if (next.isEmpty()) {
                        break;
                    }
                    used.add(next.get().code());
                    responses.add(answer(next.get(), truth[index.get(next.get().competency())], r));
                    est = PlacementModel.estimate(competencies, areaOf, responses);
                }
            }
            asked += responses.size();
            boolean all = true;
            for (String c : competencies) {
                boolean says = est.get(c).mastery() >= 0.5;
                boolean is = truth[index.get(c)] > PlacementModel.CUT;
                if (says == is) {
                    agree++;
                } else {
                    all = false;
                }
            }
            if (all) {
                allRight++;
            }
        }
        int n = truths.size();
        return new Result((double) asked / n, (double) agree / ((long) n * competencies.size()), (double) allRight / n);
    }

    static List<Item> fixedForm(List<Item> bank, List<String> competencies, Random r) {
        Map<String, List<Item>> by = new LinkedHashMap<>();
        for (String c : competencies) {
            by.put(c, new ArrayList<>());
        }
        bank.forEach(i -> by.get(i.competency()).add(i));
        by.values().forEach(l -> Collections.shuffle(l, r));
        List<String> order = new ArrayList<>(competencies);
        Collections.shuffle(order, r);
        List<Item> form = new ArrayList<>();
        for (int round = 0; form.size() < FIXED; round++) {
            boolean any = false;
            for (String c : order) {
                if (form.size() < FIXED && round < by.get(c).size()) {
                    form.add(by.get(c).get(round));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return form;
    }

    static Response answer(Item q, double ability, Random r) {
        return new Response(q.competency(), q.difficulty(), r.nextDouble() < PlacementModel.pRight(ability, q.difficulty()));
    }

    /** The shipped bank per target group, with the difficulty the platform would use. */
    static Map<String, List<Item>> readBank() throws Exception {
        Map<String, List<Item>> out = new LinkedHashMap<>();
        try (var in = PlacementBench.class.getResourceAsStream("/content/questions/bank-1.0.csv");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<List<String>> rows = csv(reader);
            for (List<String> row : rows.subList(1, rows.size())) {
                double b = PlacementModel.difficulty(Integer.parseInt(row.get(4).trim()), 0, 0);
                for (String g : row.get(2).split(";")) {
                    out.computeIfAbsent(g.trim(), k -> new ArrayList<>()).add(new Item(row.get(0), row.get(1), b));
                }
            }
        }
        return out;
    }

    /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> csv(BufferedReader reader) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int ch;
        while ((ch = reader.read()) != -1) {
            char c = (char) ch;
            if (quoted) {
                if (c == '"') {
                    reader.mark(1);
                    int n = reader.read();
                    if (n == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (n != -1) {
                            reader.reset();
                        }
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
