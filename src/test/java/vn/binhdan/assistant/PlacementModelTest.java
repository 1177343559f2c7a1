package vn.binhdan.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import vn.binhdan.assistant.internal.path.PlacementModel;
import vn.binhdan.assistant.internal.path.PlacementModel.Estimate;
import vn.binhdan.assistant.internal.path.PlacementModel.Item;
import vn.binhdan.assistant.internal.path.PlacementModel.Response;

class PlacementModelTest {

    static final Function<String, String> AREA = c -> c.substring(0, c.indexOf('.'));
    static final List<String> COMPETENCIES = List.of("1.1", "1.2", "1.3", "4.1", "4.2");

    @Test
    void difficultyComesFromTheBankOnceEnoughLearnersAnswered() {
        assertThat(PlacementModel.difficulty(3, 0, 0)).isZero();
        assertThat(PlacementModel.difficulty(5, 29, 29)).isEqualTo(1.5);
        // most got it right: easier than its author thought
        assertThat(PlacementModel.difficulty(5, 100, 90)).isLessThan(-1.5);
        assertThat(PlacementModel.difficulty(1, 100, 100)).isGreaterThanOrEqualTo(-3);
    }

    @Test
    void answersMoveTheirCompetencyAndTheirAreaButNotOtherAreas() {
        List<Response> r = List.of(new Response("1.1", 0, true), new Response("1.1", 0.75, true),
                new Response("1.2", 0.75, true), new Response("4.1", 0, false), new Response("4.1", -0.75, false));
        Map<String, Estimate> e = PlacementModel.estimate(COMPETENCIES, AREA, r);
        assertThat(e.get("1.1").mastery()).isGreaterThan(0.8);
        assertThat(e.get("4.1").mastery()).isLessThan(0.2);
        // never asked, but its area says a lot
        assertThat(e.get("1.3").mastery()).isGreaterThan(e.get("4.2").mastery());
        assertThat(e.get("1.3").answered()).isZero();
    }

    @Test
    void theCheckNeverRepeatsAQuestionAndStopsAtTheCap() {
        List<Item> bank = new ArrayList<>();
        for (String c : COMPETENCIES) {
            for (int d = 1; d <= 5; d++) {
                bank.add(new Item(c + "-" + d, c, (d - 3) * 0.75));
            }
        }
        Set<String> used = new HashSet<>();
        List<Response> r = new ArrayList<>();
        while (true) {
            Map<String, Estimate> e = PlacementModel.estimate(COMPETENCIES, AREA, r);
            var next = PlacementModel.next(bank, used, e, r.size(), 12);
            if (next.isEmpty()) {
                break;
            }
            assertThat(used.add(next.get().code())).isTrue();
            // a learner who is right about phones and wrong about safety
            r.add(new Response(next.get().competency(), next.get().difficulty(), next.get().competency().startsWith("1.")));
        }
        assertThat(r.size()).isLessThanOrEqualTo(12);
        Map<String, Estimate> e = PlacementModel.estimate(COMPETENCIES, AREA, r);
        assertThat(e.get("1.1").level()).isEqualTo(PlacementModel.Level.MASTERED);
        assertThat(e.get("4.2").level()).isEqualTo(PlacementModel.Level.NOT_YET);
        // the questions are spread: both areas and most competencies are asked; a competency whose
        // area already settles it may be left out
        assertThat(r.stream().map(Response::competency).map(AREA).distinct().count()).isEqualTo(2);
        assertThat(r.stream().map(Response::competency).distinct().count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aCompletedLessonRaisesMastery() {
        Estimate before = PlacementModel.prior("5.1");
        Estimate after = PlacementModel.update("5.1", before.ability(), before.spread(), 0, PlacementModel.CUT, true);
        assertThat(after.mastery()).isGreaterThan(before.mastery());
        assertThat(after.answered()).isEqualTo(1);
    }
}
