package vn.binhdan.assistant.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

/** How one passage of a lesson becomes an answer a learner reads on a phone. */
class AssistantRenderTest {

    private static final List<String> STEPS = List.of("Mở ứng dụng Zalo.", "Bấm Cá nhân ở góc dưới.",
            "Chọn biểu tượng bánh răng.", "Vào Tài khoản và bảo mật.", "Kéo xuống phần đăng nhập.",
            "Bấm dòng có chữ Đổi.", "Nhập lại thông tin cũ.", "Gõ dãy ký tự vừa nghĩ ra.", "Gõ lại lần hai cho khớp.",
            "Bấm Cập nhật để lưu.", "Zalo hỏi xác nhận qua tin nhắn.", "Nhập mã vừa nhận.", "Đăng xuất các máy lạ.",
            "Ghi vào sổ cất kỹ.");

    private static final String LESSON = """
            <p>Bài này giúp bác đổi mật khẩu.</p>
            <h2>1. Đổi mật khẩu Zalo</h2>
            <p>Đoạn mở đầu nói chung chung về ứng dụng.</p>
            <p>Thêm một đoạn kể chuyện về gia đình.</p>
            <ol>%s</ol>
            <p>Đặt mật khẩu mới dài ít nhất 12 ký tự, không dùng năm sinh.</p>
            <h2>2. Nguồn tham khảo</h2>
            <p>Hướng dẫn của Zalo.</p>
            """.formatted(steps(14));

    private static String steps(int n) {
        StringBuilder s = new StringBuilder();
        for (String step : STEPS.subList(0, n)) {
            s.append("<li>").append(step).append("</li>");
        }
        return s.toString();
    }

    @Test
    void aLongPassageLeavesToTheLessonWhatDoesNotSpeakOfTheQuestionAndKeepsEveryStep() {
        Analyzer analyzer = IndexAnalysis.analyzer();
        SearchIndex index = SearchIndex.build(analyzer, Vocabulary.load(analyzer), List.of(new IndexDoc("LESSON", "C",
                "doi-mat-khau", "Đổi mật khẩu", "Khóa", IndexContent.text(LESSON), "/learn/C/doi-mat-khau",
                IndexContent.outline(LESSON))));
        Passages.Passage section = index.passages(0).stream()
                .filter(p -> "1. Đổi mật khẩu Zalo".equals(p.heading())).findFirst().orElseThrow();
        String answer = AssistantEngine.render(index, index.parse("đặt mật khẩu mới thế nào"), section);
        List<String> lines = List.of(answer.split("\n"));

        assertThat(lines).hasSizeLessThanOrEqualTo(AssistantEngine.MAX_LINES);
        assertThat(lines).filteredOn(l -> l.matches("\\d+\\. .*")).hasSize(14);
        assertThat(answer).as("the line that answers is kept, though it comes last")
                .contains("Đặt mật khẩu mới dài ít nhất 12 ký tự")
                .doesNotContain("kể chuyện về gia đình", "Bài này", "Nguồn");
        assertThat(lines.getLast()).doesNotEndWith(":");
    }
}
