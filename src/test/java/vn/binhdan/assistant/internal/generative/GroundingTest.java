package vn.binhdan.assistant.internal.generative;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A reworded answer from the scam lesson is kept; one that wanders off or invents a contact is not. */
class GroundingTest {

    static List<String> lesson;

    @BeforeAll
    static void scamLesson() throws IOException {
        try (InputStream in = GroundingTest.class.getResourceAsStream(
                "/content/courses/KNS-NGUOI-DAN/lessons/08-nhan-dien-lua-dao.html")) {
            lesson = List.of(Jsoup.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).text(),
                    "cach nhan biet tin nhan lua dao");
        }
    }

    @Test
    void aRewordingOfTheLessonStaysWithIt() {
        String answer = "Bác nên dừng lại khi thấy bị thúc giục hoặc bị dọa. Không chuyển tiền, không đọc mã OTP, "
                + "không bấm link. Ngân hàng thật không gửi link yêu cầu đăng nhập. Hãy gọi lại cho người thân bằng "
                + "số điện thoại cũ mình đã lưu, và hỏi công an xã.";
        assertThat(Grounding.staysWith(answer, lesson, 0.4)).isTrue();
    }

    @Test
    void anAnswerAboutSomethingElseDoesNot() {
        String answer = "Giá vàng hôm nay tăng mạnh, nhà đầu tư nên mua thêm vàng miếng để sinh lời nhanh.";
        assertThat(Grounding.staysWith(answer, lesson, 0.4)).isFalse();
    }

    @Test
    void anInventedPhoneNumberOrWebAddressIsNeverPassedOn() {
        String phone = "Bác nên dừng lại, không chuyển tiền, và gọi ngay số 0909 123 456 để được hỗ trợ.";
        String link = "Bác nên dừng lại, không chuyển tiền, không đọc mã OTP, và vào hoantien-baohiem.com để kiểm tra.";
        assertThat(Grounding.staysWith(phone, lesson, 0.4)).isFalse();
        assertThat(Grounding.staysWith(link, lesson, 0.4)).isFalse();
        // the same sentences without the invention are fine
        assertThat(Grounding.staysWith("Bác nên dừng lại, không chuyển tiền, không đọc mã OTP.", lesson, 0.4)).isTrue();
    }

    @Test
    void anAddressTheLessonGivesMayBeRepeated() {
        String answer = "Trang của cơ quan nhà nước có đuôi .gov.vn; tin quan trọng thật thì nhiều báo cùng đưa.";
        assertThat(Grounding.staysWith(answer, lesson, 0.4)).isTrue();
    }
}
