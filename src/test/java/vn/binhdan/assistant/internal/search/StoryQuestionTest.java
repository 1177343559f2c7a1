package vn.binhdan.assistant.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Questions as people type them, against the shipped lessons alone (the scenario tests share one
 * database whose other tests publish courses of their own, which moves a story's ranks).
 */
class StoryQuestionTest {

    private static SearchIndex index;

    @BeforeAll
    static void shippedLessons() {
        Analyzer analyzer = IndexAnalysis.analyzer();
        // the lessons' words alone: a province's own course has no asked questions
        index = SearchIndex.build(analyzer, Vocabulary.load(analyzer), ShippedLessons.read(false));
    }

    private static AssistantEngine.Extract ask(String question) {
        return ShippedLessons.ask(index, question);
    }

    @Test
    void aStoryInEverydaySouthernSpeechIsAnsweredWithTheLessonsRule() {
        AssistantEngine.Extract e = ask("trên fb có cái phiếu ghi tên với sđt để bốc thăm trúng xe máy có nên điền thử ko");
        assertThat(e.answered()).isTrue();
        assertThat(e.cited()).extracting(d -> d.get("lesson")).containsExactly("mat-khau-du-lieu-ca-nhan");
        assertThat(e.answer()).contains("Không điền thông tin cá nhân");
    }

    @Test
    void aQuestionToldAsAStoryAboutSomethingNoLessonTeachesIsNotAnswered() {
        assertThat(ask("con tui ở xa gọi đt về hỏi hôm nay tỷ giá đô la mỹ bao nhiêu vậy").answered()).isFalse();
        assertThat(ask("đổi mật khẩu wifi").answered()).isFalse();
    }

    @Test
    void fillerTypedWithItsMarksIsNotReadAsTheLessonWordItFoldsTo() {
        // "vậy" folded is "vay" (a loan), "cái" is "cài" (install): typed with marks they say nothing
        SearchIndex.Parsed parsed = index.parse("chứng thư chữ ký số là cái gì vậy");
        assertThat(parsed.concepts()).noneMatch(c -> c.forms().stream().anyMatch(f -> f.contains("vay") || f.contains("cai")));
        // typed without marks nobody can tell: "cai" stays, it may be installing
        SearchIndex.Parsed unmarked = index.parse("cai zalo tren dien thoai nhu the nao");
        assertThat(unmarked.concepts()).anyMatch(c -> c.forms().contains(List.of("cai")));
    }
}
