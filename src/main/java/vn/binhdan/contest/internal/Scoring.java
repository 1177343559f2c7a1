package vn.binhdan.contest.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.binhdan.contest.Counts;
import vn.binhdan.contest.internal.ContestRepository.EntryRow;
import vn.binhdan.contest.internal.ContestRepository.Scored;

/**
 * Scores a closed round: picks each person's counted entry, counts the counted entries with
 * every answer right (the true count the predictions guessed at), and ranks by right answers,
 * then the prediction's distance from the true count, then the time taken, then the earlier
 * submission. A missing prediction is the farthest of all.
 */
public final class Scoring {

    private Scoring() {
    }

    public record Outcome(int trueCount, List<Scored> scored) {
    }

    public static Outcome score(List<EntryRow> entries, int questionCount, Counts counts) {
        Map<Long, List<EntryRow>> byPerson = new LinkedHashMap<>();
        entries.stream().filter(e -> e.finishedHow() != null && e.correct() != null)
                .sorted(Comparator.comparingInt(EntryRow::seq))
                .forEach(e -> byPerson.computeIfAbsent(e.personId(), k -> new ArrayList<>()).add(e));
        // which entries may count: the first, or the ones with the most right answers
        Map<Long, List<EntryRow>> candidates = new LinkedHashMap<>();
        int trueCount = 0;
        for (Map.Entry<Long, List<EntryRow>> p : byPerson.entrySet()) {
            List<EntryRow> list = p.getValue();
            List<EntryRow> c;
            if (counts == Counts.FIRST) {
                c = List.of(list.getFirst());
            } else {
                int best = list.stream().mapToInt(EntryRow::correct).max().orElse(0);
                c = list.stream().filter(e -> e.correct() == best).toList();
            }
            candidates.put(p.getKey(), c);
            if (c.getFirst().correct() == questionCount) {
                trueCount++;
            }
        }
        int truth = trueCount;
        Comparator<EntryRow> order = order(truth);
        List<EntryRow> counted = new ArrayList<>();
        candidates.values().forEach(c -> counted.add(c.stream().min(order).orElseThrow()));
        counted.sort(order);
        Map<String, Integer> ranks = new LinkedHashMap<>();
        for (int i = 0; i < counted.size(); i++) {
            ranks.put(counted.get(i).id(), i + 1);
        }
        List<Scored> scored = new ArrayList<>(entries.size());
        for (EntryRow e : entries) {
            Integer rank = ranks.get(e.id());
            scored.add(new Scored(e.id(), rank != null, gap(e.prediction(), truth), rank));
        }
        return new Outcome(truth, scored);
    }

    static Long gap(Long prediction, int truth) {
        return prediction == null ? null : Math.abs(prediction - truth);
    }

    private static Comparator<EntryRow> order(int truth) {
        return Comparator.<EntryRow>comparingInt(e -> -e.correct())
                .thenComparingLong(e -> e.prediction() == null ? Long.MAX_VALUE : Math.abs(e.prediction() - truth))
                .thenComparingLong(e -> e.durationMs() == null ? Long.MAX_VALUE : e.durationMs())
                .thenComparing(e -> e.submittedAt() == null ? Instant.MAX : e.submittedAt())
                .thenComparing(EntryRow::id);
    }

    /** Which step put {@code e} below {@code above} in the ranking; null for the first entry. */
    public static String decidedBy(EntryRow above, EntryRow e) {
        if (above == null) {
            return null;
        }
        if (!Objects.equals(above.correct(), e.correct())) {
            return "CORRECT";
        }
        if (!Objects.equals(above.predictionGap(), e.predictionGap())) {
            return "PREDICTION";
        }
        if (!Objects.equals(above.durationMs(), e.durationMs())) {
            return "TIME";
        }
        return "SUBMITTED";
    }
}
