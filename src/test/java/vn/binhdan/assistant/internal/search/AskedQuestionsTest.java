package vn.binhdan.assistant.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped lessons with the questions learners ask of their parts, and one lesson of a
 * province's own without any: everyday wordings reach the part that answers them, questions like
 * the off-topic ones are refused, and a lesson without asked questions is still found by its words.
 */
class AskedQuestionsTest {

    private static SearchIndex index;

    @BeforeAll
    static void shippedLessons() {
        List<IndexDoc> docs = new ArrayList<>(ShippedLessons.read(true));
        String own = "<p>Nấm rơm ưa ẩm và thoáng.</p><h2>1. Tưới nước</h2><p>Tưới phun sương hai lần mỗi ngày cho luống nấm rơm, sáng sớm và chiều mát.</p>";
        docs.add(new IndexDoc("LESSON", "TINH-NHA", "nam-rom", "Trồng nấm rơm", "Khuyến nông", IndexContent.text(own),
                "/learn/TINH-NHA/nam-rom", IndexContent.outline(own)));
        Analyzer analyzer = IndexAnalysis.analyzer();
        index = SearchIndex.build(analyzer, Vocabulary.load(analyzer), docs);
    }

    private static AssistantEngine.Extract ask(String question) {
        return ShippedLessons.ask(index, question);
    }

    @Test
    void anEverydayWordingReachesThePartThatAnswersIt() {
        AssistantEngine.Extract e = ask("quán nước dán cái mã mới đè lên mã cũ, tui quét trả tiền thì coi chỗ nào cho chắc");
        assertThat(e.answered()).isTrue();
        assertThat(e.cited()).extracting(d -> d.get("lesson")).containsExactly("thanh-toan-ma-qr");
        assertThat(e.answer()).contains("tên người nhận");
    }

    @Test
    void aQuestionLikeTheOffTopicOnesIsRefused() {
        assertThat(ask("mai mốt gói bánh tét cần mấy ký nếp").answered()).isFalse();
        assertThat(ask("cục wifi nhà tui chớp đèn đỏ hoài").answered()).isFalse();
    }

    @Test
    void aLessonWithoutAskedQuestionsIsStillFoundByItsWords() {
        AssistantEngine.Extract e = ask("tưới nấm rơm mấy lần mỗi ngày");
        assertThat(e.answered()).isTrue();
        assertThat(e.cited()).extracting(d -> d.get("lesson")).containsExactly("nam-rom");
        assertThat(e.answer()).contains("hai lần mỗi ngày");
    }
}
