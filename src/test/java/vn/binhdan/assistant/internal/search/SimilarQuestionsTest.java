package vn.binhdan.assistant.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which unanswered wordings count as one question for the authors, and how a group is labelled. */
class SimilarQuestionsTest {

    private static final Instant T = Instant.parse("2026-11-01T00:00:00Z");

    private static SimilarQuestions.Wording w(String keywords, long count, int minutes) {
        return new SimilarQuestions.Wording(keywords, count, T.plusSeconds(60L * minutes));
    }

    @Test
    void strongOverlapOrContainmentMergesAndAWeakOverlapDoesNot() {
        assertThat(SimilarQuestions.similarity(Set.of("doi", "khau", "mat", "wifi"), Set.of("doi", "khau", "mat", "nha", "wifi")))
                .isEqualTo(1.0); // one inside the other
        assertThat(SimilarQuestions.similarity(Set.of("doi", "khau", "mat", "zalo"), Set.of("doi", "khau", "mat", "wifi")))
                .isEqualTo(0.6); // 3 of 5 words
        assertThat(SimilarQuestions.similarity(Set.of("gia", "hom", "nay", "vang"), Set.of("do", "gia", "hom", "la", "my", "nay", "ty")))
                .isZero(); // 3 of 8: "hôm nay" is not a topic
        assertThat(SimilarQuestions.similarity(Set.of("wifi"), Set.of("doi", "khau", "mat", "wifi")))
                .as("one shared word is not enough to call one question part of another").isZero();
    }

    @Test
    void wordingsJoinTheClosestMostAskedWordingAndGroupsComeMostAskedFirst() {
        List<SimilarQuestions.Group> groups = SimilarQuestions.group(List.of(
                w("doi khau mat nha wifi", 2, 1), w("doi khau mat wifi", 1, 5), w("bon cay phan rieng sau", 1, 3),
                w("cay phan", 1, 2)));
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).keywordSets()).containsExactly("doi khau mat nha wifi", "doi khau mat wifi");
        assertThat(groups.get(0).count()).isEqualTo(3);
        assertThat(groups.get(0).lastAskedAt()).isEqualTo(T.plusSeconds(300));
        assertThat(groups.get(1).keywordSets()).containsExactly("bon cay phan rieng sau", "cay phan");
    }

    @Test
    void aChainOfSmallOverlapsDoesNotGlueUnrelatedQuestionsTogether() {
        // b is close to a and to c, but c has little to do with a: c starts its own group
        List<SimilarQuestions.Group> groups = SimilarQuestions.group(List.of(
                w("a1 a2 a3 b1", 3, 0), w("a2 a3 b1 b2", 2, 0), w("b1 b2 c1 c2", 1, 0)));
        assertThat(groups).extracting(g -> g.keywordSets().size()).containsExactly(2, 1);
    }

    @Test
    void theLabelIsTheWordsMostAskedInTheOrderALearnerSaidThem() {
        SimilarQuestions.Group g = SimilarQuestions.group(List.of(w("doi khau mat nha wifi", 2, 1), w("doi khau mat wifi", 1, 5)))
                .getFirst();
        assertThat(SimilarQuestions.label(g, List.of("Đổi mật khẩu wifi nhà mình thế nào?"))).isEqualTo("doi mat khau wifi nha");
        assertThat(SimilarQuestions.label(g, List.of())).isEqualTo("doi khau mat wifi nha");
    }
}
