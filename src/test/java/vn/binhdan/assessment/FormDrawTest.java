package vn.binhdan.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import vn.binhdan.assessment.internal.FormDraw;
import vn.binhdan.assessment.internal.FormDraw.Candidate;
import vn.binhdan.people.TargetGroup;

/** How one attempt's form is drawn: the mix, the unseen first, and exposure evened out over many attempts. */
class FormDrawTest {

    private static Blueprint blueprint(Map<String, Integer> perArea, int easy, int medium, int hard) {
        return new Blueprint(TargetGroup.ADULT, "1.0", perArea, easy, medium, hard, 30, 70, 3, 24, "t", Instant.EPOCH);
    }

    /** Two areas, 12 questions each: difficulties 1..5 cycling, four options. */
    private static List<Candidate> bank(Map<Long, Long> used) {
        List<Candidate> bank = new ArrayList<>();
        for (long id = 1; id <= 24; id++) {
            String area = id <= 12 ? "1" : "2";
            bank.add(new Candidate(id, area + ".1", (int) ((id - 1) % 5) + 1, used.getOrDefault(id, 0L),
                    QuestionType.SINGLE, 4));
        }
        return bank;
    }

    @Test
    void eachAreaGetsItsCountAndTheDifficultyMix() {
        Map<String, Integer> perArea = new LinkedHashMap<>(Map.of("1", 5, "2", 5));
        List<FormDraw.Drawn> form = FormDraw.draw(blueprint(perArea, 40, 40, 20), bank(Map.of()), Set.of(),
                new SplittableRandom(1));
        assertThat(form).hasSize(10);
        for (String area : List.of("1", "2")) {
            List<Candidate> of = form.stream().map(FormDraw.Drawn::question)
                    .filter(c -> c.competency().startsWith(area + ".")).toList();
            assertThat(of).hasSize(5);
            assertThat(of.stream().filter(c -> c.difficulty() <= 2)).hasSize(2);
            assertThat(of.stream().filter(c -> c.difficulty() == 3)).hasSize(2);
            assertThat(of.stream().filter(c -> c.difficulty() >= 4)).hasSize(1);
        }
        assertThat(form.stream().map(d -> d.question().id()).distinct()).hasSize(10);
        for (FormDraw.Drawn d : form) {
            assertThat(d.optionOrder()).containsExactlyInAnyOrder(0, 1, 2, 3);
        }
    }

    @Test
    void seenQuestionsWaitUntilTheUnseenRunOut() {
        Map<String, Integer> perArea = Map.of("1", 4);
        Set<Long> seen = new HashSet<>(List.of(1L, 2L, 3L, 4L, 5L, 6L));
        for (int run = 0; run < 50; run++) {
            List<FormDraw.Drawn> form = FormDraw.draw(blueprint(perArea, 40, 40, 20), bank(Map.of()), seen,
                    new SplittableRandom(run));
            assertThat(form).allMatch(d -> !seen.contains(d.question().id()));
        }
        Set<Long> almostAll = new HashSet<>();
        for (long id = 1; id <= 10; id++) {
            almostAll.add(id);
        }
        List<FormDraw.Drawn> form = FormDraw.draw(blueprint(perArea, 40, 40, 20), bank(Map.of()), almostAll,
                new SplittableRandom(3));
        assertThat(form).hasSize(4);
        assertThat(form.stream().filter(d -> !almostAll.contains(d.question().id()))).hasSize(2);
    }

    @Test
    void exposureEvensOutOverManyAttempts() {
        Map<Long, Long> used = new HashMap<>();
        RandomGenerator random = new SplittableRandom(7);
        Map<String, Integer> perArea = Map.of("1", 3, "2", 3);
        for (int attempt = 0; attempt < 4000; attempt++) {
            for (FormDraw.Drawn d : FormDraw.draw(blueprint(perArea, 34, 33, 33), bank(used), Set.of(), random)) {
                used.merge(d.question().id(), 1L, Long::sum);
            }
        }
        // within an area and band every question serves about equally often
        for (String area : List.of("1", "2")) {
            for (int band = 0; band < 3; band++) {
                final int b = band;
                List<Long> counts = used.entrySet().stream()
                        .filter(e -> (e.getKey() <= 12) == area.equals("1"))
                        .filter(e -> bandOf((int) ((e.getKey() - 1) % 5) + 1) == b).map(Map.Entry::getValue).toList();
                long max = counts.stream().mapToLong(Long::longValue).max().orElseThrow();
                long min = counts.stream().mapToLong(Long::longValue).min().orElseThrow();
                assertThat((double) max / min).as("area " + area + " band " + band + " " + counts).isLessThan(1.15);
            }
        }
    }

    private static int bandOf(int difficulty) {
        return difficulty <= 2 ? 0 : difficulty == 3 ? 1 : 2;
    }

    @Test
    void aBankTooSmallForTheBlueprintIsRefusedWhole() {
        assertThatThrownBy(() -> FormDraw.draw(blueprint(Map.of("1", 13), 40, 40, 20), bank(Map.of()), Set.of(),
                new SplittableRandom(1))).isInstanceOf(FormDraw.ShortOfQuestions.class);
        assertThatThrownBy(() -> FormDraw.draw(blueprint(Map.of("3", 1), 40, 40, 20), bank(Map.of()), Set.of(),
                new SplittableRandom(1))).isInstanceOf(FormDraw.ShortOfQuestions.class);
    }

    @Test
    void trueFalseKeepsItsOrder() {
        List<Candidate> bank = List.of(new Candidate(1, "1.1", 1, 0, QuestionType.TRUE_FALSE, 2));
        for (int run = 0; run < 20; run++) {
            assertThat(FormDraw.draw(blueprint(Map.of("1", 1), 100, 0, 0), bank, Set.of(), new SplittableRandom(run))
                    .getFirst().optionOrder()).containsExactly(0, 1);
        }
    }
}
