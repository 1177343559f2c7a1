package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import vn.binhdan.support.EndToEnd;
import vn.binhdan.support.FakeModelServer;
import vn.binhdan.support.Http;
import vn.binhdan.support.World;

/**
 * The assistant with a province's model server configured (a real HTTP server speaking the
 * OpenAI chat API): a reworded answer citing the lessons when the server behaves, the lessons'
 * own sentences whenever it does not, and no call at all when no lesson answers.
 */
class GenerativeAssistantTest extends EndToEnd {

    static final FakeModelServer MODEL = new FakeModelServer();

    @DynamicPropertySource
    static void model(DynamicPropertyRegistry registry) {
        registry.add("binhdan.assistant.generative.url", MODEL::url);
        registry.add("binhdan.assistant.generative.model", () -> "open-model-vi");
        registry.add("binhdan.assistant.generative.timeout", () -> "300ms");
        // every scenario sees the server's behaviour of the moment, not a rest left by the one before
        registry.add("binhdan.assistant.generative.cool-down", () -> "0s");
    }

    @AfterAll
    static void stop() {
        MODEL.close();
    }

    private JsonNode ask(String question) {
        Http.Response r = http.post("/api/v1/assistant/ask", token("learner"), World.map("question", question));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> cited(JsonNode reply) {
        return reply.get("citations").valueStream().map(c -> c.get("lessonCode").asString()).toList();
    }

    /** A model that rewords: the first two sentences of the first lesson it is given. */
    private static String reword(JsonNode request) {
        String[] sentences = FakeModelServer.firstLesson(request).split("(?<=[.!?])\\s+");
        return "Bác nhớ: " + sentences[0] + " " + sentences[1];
    }

    @Test
    void theLearnerGetsAnAnswerWrittenFromTheScamLessonAndToldSo() {
        MODEL.behave(new FakeModelServer.Reply(GenerativeAssistantTest::reword));
        JsonNode reply = ask("cach nhan biet tin nhan lua dao, so cua toi 0912345678");
        assertThat(reply.get("status").asString()).isEqualTo("ANSWERED");
        assertThat(reply.get("generated").asBoolean()).isTrue();
        assertThat(reply.get("message").asString()).contains("chỉ từ các bài học");
        assertThat(cited(reply)).contains("nhan-dien-lua-dao");
        assertThat(reply.get("answer").asString()).startsWith("Bác nhớ: ").isEqualTo(reword(MODEL.last().body()));
        String lesson = Jsoup.parse(jdbc.sql("SELECT body FROM lesson WHERE code = 'nhan-dien-lua-dao'")
                .query(String.class).single()).text();
        assertThat(MODEL.last().user()).contains(lesson.substring(0, 200)).doesNotContain("0912345678");
        // the chat page says the answer was reworded, and still lists the lessons it came from
        Http browser = new Http(port, true);
        browser.formLogin("learner", World.PASSWORD);
        String csrf = Http.csrf(browser.getHtml("/assistant").body());
        assertThat(browser.postForm("/assistant", java.util.Map.of("_csrf", csrf, "question",
                "cach nhan biet tin nhan lua dao")).body())
                .contains("Bác nhớ: ", "chỉ từ các bài học", "/learn/");
    }

    @Test
    void anAnswerThatInventsAContactFallsBackToTheLessonsOwnSentences() {
        MODEL.behave(new FakeModelServer.Reply(r -> "Bác hãy gọi ngay 0909 555 777 hoặc vào hoantien-nganhang.com."));
        JsonNode reply = ask("cach nhan biet tin nhan lua dao");
        assertThat(reply.get("generated").asBoolean()).isFalse();
        assertThat(reply.get("answer").asString()).doesNotContain("0909", "hoantien");
        assertThat(cited(reply)).contains("nhan-dien-lua-dao");
    }

    @Test
    void aServerThatIsDownOrSilentLeavesTheExtractiveAnswer() {
        for (FakeModelServer.Behaviour b : List.of(new FakeModelServer.Status(500), new FakeModelServer.Hang())) {
            MODEL.behave(b);
            int before = MODEL.received().size();
            JsonNode reply = ask("cach nhan biet tin nhan lua dao");
            assertThat(MODEL.received()).hasSize(before + 1);
            assertThat(reply.get("status").asString()).as(b.toString()).isEqualTo("ANSWERED");
            assertThat(reply.get("generated").asBoolean()).isFalse();
            assertThat(cited(reply)).contains("nhan-dien-lua-dao");
        }
    }

    @Test
    void aQuestionNoLessonAnswersIsNeverSentToTheModel() {
        MODEL.behave(new FakeModelServer.Reply(r -> "Giá vàng hôm nay là 9 triệu một chỉ."));
        int before = MODEL.received().size();
        JsonNode reply = ask("giá vàng hôm nay bao nhiêu");
        assertThat(reply.get("status").asString()).isEqualTo("NOT_FOUND");
        assertThat(MODEL.received()).hasSize(before);
    }
}
