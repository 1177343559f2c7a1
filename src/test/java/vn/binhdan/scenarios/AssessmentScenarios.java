package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.binhdan.importing.ImportJob;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.SystemUser;
import vn.binhdan.support.EndToEnd;
import vn.binhdan.support.Http;
import vn.binhdan.support.World;

/**
 * The question bank: teachers' Excel sheets imported with every bad row reported and nothing
 * applied until the file is clean, questions edited one by one, and answers shown to content
 * authors only.
 */
public abstract class AssessmentScenarios extends EndToEnd {

    static final String HEADER = "Mã câu hỏi,Năng lực,Nhóm đối tượng,Loại câu hỏi,Độ khó,Câu hỏi,Lựa chọn A,Lựa chọn B,"
            + "Lựa chọn C,Lựa chọn D,Đáp án,Giải thích\n";

    @Test
    void aQuestionSheetIsCheckedRowByRowAndAppliedWhole() {
        AppUser author = accounts.loadByUsername("province-admin").orElseThrow();
        String bad = HEADER
                + "Q-OTP-1,1.1,\"Người dân, Cán bộ\",một lựa chọn,2,Có nên đưa mã OTP cho người gọi xưng là công an?,Có,Không,,,B,OTP chỉ dành cho bạn\n"
                + "Q-OTP-2,9.9,ADULT,một lựa chọn,2,Câu hỏi,Có,Không,,,A,\n"
                + "Q-OTP-3,1.1,ADULT,nhiều lựa chọn,7,Chọn các dấu hiệu lừa đảo,Giục chuyển tiền gấp,Gửi đường link lạ,Gọi từ số lạ,,\"A,B,E\",\n"
                + "Q-OTP-4,1.1,ADULT,đúng/sai,1,Ngân hàng không bao giờ hỏi mã OTP,,,,,Có thể,\n"
                + "Q-OTP-5,1.1,người ngoài hành tinh,sắp xếp,3,Sắp xếp các bước,Mở ứng dụng,Quét mã,Xác nhận,,\"A,B\",\n"
                + "Q-OTP-1,1.1,ADULT,một lựa chọn,2,Trùng mã,Có,Không,,,A,\n";
        long before = count();
        ImportJob rejected = importSheet(author, bad);
        assertThat(rejected.status()).isEqualTo(ImportJob.Status.REJECTED);
        List<String> errors = SystemUser.call(author, () -> imports.errors(rejected.id(), 50));
        assertThat(String.join("\n", errors))
                .contains("Năng lực \"9.9\" không có trong khung")
                .contains("Độ khó phải là số từ 1")
                .contains("đáp án \"Đúng\" hoặc \"Sai\"")
                .contains("Thiếu hoặc sai nhóm đối tượng")
                .contains("thứ tự đủ 3 lựa chọn")
                .contains("Mã câu hỏi Q-OTP-1 đã có ở dòng 2");
        assertThat(count()).as("nothing applied from a file with bad rows").isEqualTo(before);

        String good = HEADER
                + "Q-OTP-1,1.1,\"Người dân, Cán bộ\",một lựa chọn,2,Có nên đưa mã OTP cho người gọi xưng là công an?,Có,Không,,,B,OTP chỉ dành cho bạn\n"
                + "Q-OTP-3,1.1,ADULT,nhiều lựa chọn,3,Chọn các dấu hiệu lừa đảo,Giục chuyển tiền gấp,Gửi đường link lạ,Người thân gọi hỏi thăm,,\"A, B\",\n"
                + "Q-OTP-4,1.1,ADULT,đúng/sai,1,Ngân hàng không bao giờ hỏi mã OTP,,,,,Đúng,\n"
                + "Q-OTP-5,1.1,ADULT,sắp xếp,3,Sắp xếp các bước thanh toán bằng mã QR,Xác nhận,Mở ứng dụng ngân hàng,Quét mã,,\"B, C, A\",\n";
        ImportJob done = importSheet(author, good);
        World.expectDone(done);
        assertThat(done.createdRows()).isEqualTo(4);
        ImportJob again = importSheet(author, good);
        assertThat(again.createdRows()).isZero();
        assertThat(again.updatedRows()).isEqualTo(4);
        assertThat(count()).isEqualTo(before + 4);

        String admin = token("province-admin");
        JsonNode ordering = http.get("/api/v1/questions/Q-OTP-5", admin).json();
        assertThat(ordering.get("type").asText()).isEqualTo("ORDERING");
        assertThat(ordering.get("answer").toString()).isEqualTo("[1,2,0]");
        JsonNode trueFalse = http.get("/api/v1/questions/Q-OTP-4", admin).json();
        assertThat(trueFalse.get("options").toString()).isEqualTo("[\"Đúng\",\"Sai\"]");
        assertThat(http.get("/api/v1/questions?competency=1.1&group=CIVIL_SERVANT", admin).json().toString())
                .contains("Q-OTP-1").doesNotContain("Q-OTP-3");

        // the exported sheet goes back in unchanged: teachers correct it in Excel
        Http.Response sheet = http.get("/api/v1/questions/sheet.xlsx?competency=1.1", admin);
        assertThat(sheet.status()).isEqualTo(200);
        ImportJob roundTrip = SystemUser.call(author, () -> imports.runNow("QUESTION", "ngan-hang.xlsx",
                new ByteArrayInputStream(sheet.bytes()), null));
        World.expectDone(roundTrip);
        assertThat(roundTrip.updatedRows()).isGreaterThanOrEqualTo(4);
        assertThat(roundTrip.createdRows()).isZero();
        assertThat(http.get("/api/v1/questions/Q-OTP-5", admin).json().get("answer").toString()).isEqualTo("[1,2,0]");
    }

    @Test
    void authorsWriteQuestionsInTheBrowserAndARefusedFormKeepsWhatWasTyped() {
        Http author = new Http(port, true);
        author.formLogin("province-admin", World.PASSWORD);
        String csrf = Http.csrf(author.getHtml("/author/questions/new").body());
        java.util.Map<String, String> typed = new java.util.LinkedHashMap<>(java.util.Map.of("_csrf", csrf,
                "creating", "true", "code", "Q-WEB-1", "competency", "4.2", "targetGroups", "ADULT", "type", "SINGLE",
                "difficulty", "2", "prompt", "Ai được biết mã OTP của bạn?", "options", "Chỉ mình bạn",
                "answer", "A, B"));
        Http.Response refused = author.postForm("/author/questions", typed);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Câu hỏi cần từ 2 đến 6 lựa chọn").contains("Ai được biết mã OTP của bạn?");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM question WHERE code = 'Q-WEB-1'").query(Long.class).single()).isZero();

        String body = "_csrf=" + enc(csrf) + "&creating=true&code=Q-WEB-1&competency=4.2&targetGroups=ADULT"
                + "&targetGroups=WORKER&type=SINGLE&difficulty=2&prompt=" + enc("Ai được biết mã OTP của bạn?")
                + "&options=" + enc("Nhân viên ngân hàng") + "&options=" + enc("Chỉ mình bạn") + "&options="
                + "&answer=B&explanation=" + enc("OTP là chìa khóa giao dịch, chỉ bạn được biết.");
        Http.Response saved = author.postRaw("/author/questions", body);
        assertThat(saved.body()).contains("Đã lưu câu hỏi Q-WEB-1");
        JsonNode q = http.get("/api/v1/questions/Q-WEB-1", token("province-admin")).json();
        assertThat(q.get("answer").toString()).isEqualTo("[1]");
        assertThat(q.get("targetGroups").toString()).contains("ADULT", "WORKER");
        assertThat(author.getHtml("/author/questions?competency=4.2").body()).contains("Q-WEB-1");
        Http.Response duplicate = author.postRaw("/author/questions", body);
        assertThat(duplicate.body()).contains("Mã câu hỏi Q-WEB-1 đã có");
    }

    @Test
    void pickTheSafeOneShowsAPicturePerOptionWithItsTextAsAltText() throws Exception {
        String admin = token("province-admin");
        assertThat(http.put("/api/v1/questions/Q-PIC-1", admin, World.map("competency", "4.2", "targetGroups",
                List.of("ADULT"), "type", "PICK_SAFE", "difficulty", 2, "prompt", "Tin nhắn nào an toàn?",
                "options", List.of("Tin nhắn ngân hàng đòi mã OTP qua đường link lạ",
                        "Thông báo biến động số dư không kèm đường link"), "answer", "B")).status()).isEqualTo(200);
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(40, 20, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        Http author = new Http(port, true);
        author.formLogin("province-admin", World.PASSWORD);
        String csrf = Http.csrf(author.getHtml("/author/questions/Q-PIC-1").body());
        Http.Response wrongType = author.upload("/author/questions/Q-PIC-1/pictures", null,
                java.util.Map.of("_csrf", csrf, "option", "1"), "x.png", "<svg onload=alert(1)>".getBytes());
        assertThat(wrongType.body()).contains("Chỉ nhận hình PNG, JPEG hoặc WebP");
        Http.Response tooBig = author.upload("/author/questions/Q-PIC-1/pictures", null,
                java.util.Map.of("_csrf", csrf, "option", "1"), "big.png", new byte[400 * 1024]);
        assertThat(tooBig.body()).contains("không quá 300 KB");
        Http.Response saved = author.upload("/author/questions/Q-PIC-1/pictures", null,
                java.util.Map.of("_csrf", csrf, "option", "1"), "safe.png", png.toByteArray());
        assertThat(saved.body()).contains("Đã cập nhật hình").contains("alt=\"Thông báo biến động số dư không kèm đường link\"");
        String sha = jdbc.sql("""
                SELECT m.media_sha FROM question_option_image m JOIN question q ON q.id = m.question_id
                WHERE q.code = 'Q-PIC-1' AND m.option_index = 1""").query(String.class).single();
        Http.Response picture = author.getHtml("/media/questions/" + sha);
        assertThat(picture.header("Content-Type")).isEqualTo("image/png");
        assertThat(picture.bytes()).isEqualTo(png.toByteArray());

        // in an exam form the picture follows its option wherever the shuffle put it
        String attempt = java.util.UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO exam_attempt (id, person_id, target_group, framework_version, status, started_at, deadline,
                                          pass_percent, question_count, finished_at, finished_how, correct_count,
                                          score_percent, passed, unit_path)
                VALUES (?, ?, 'ADULT', '1.0', 'GRADED', ?, ?, 70, 1, ?, 'SUBMITTED', 0, 0, FALSE, '/')""")
                .params(attempt, person("Nguyễn Văn An"), java.sql.Timestamp.from(java.time.Instant.now()),
                        java.sql.Timestamp.from(java.time.Instant.now()), java.sql.Timestamp.from(java.time.Instant.now()))
                .update();
        jdbc.sql("""
                INSERT INTO exam_item (attempt_id, position, question_id, option_order)
                SELECT ?, 1, id, '1,0' FROM question WHERE code = 'Q-PIC-1'""").param(attempt).update();
        JsonNode item = http.get("/api/v1/me/exam-attempts/" + attempt, token("learner")).json().get("items").get(0);
        assertThat(item.get("options").get(0).asText()).isEqualTo("Thông báo biến động số dư không kèm đường link");
        assertThat(item.get("pictures").get(0).asText()).isEqualTo("/media/questions/" + sha);
        assertThat(item.get("pictures").get(1).isNull()).isTrue();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void onlyContentAuthorsSeeAndEditTheBank() {
        String admin = token("province-admin");
        Http.Response created = http.put("/api/v1/questions/Q-MK-1", admin, World.map("competency", "1.1",
                "targetGroups", List.of("ADULT"), "type", "SINGLE", "difficulty", 2,
                "prompt", "Mật khẩu nào mạnh nhất?", "options", List.of("123456", "ngay sinh", "Mua-xoai-chin-2026!"),
                "answer", "C"));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().get("answer").toString()).isEqualTo("[2]");
        Http.Response wrong = http.put("/api/v1/questions/Q-MK-2", admin, World.map("competency", "1.1",
                "targetGroups", List.of("ADULT"), "type", "SINGLE", "difficulty", 2,
                "prompt", "Câu hỏi", "options", List.of("A", "B"), "answer", "A, B"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("detail").asText()).contains("chỉ có một đáp án đúng");
        for (String user : List.of("learner", "commune-officer")) {
            String t = token(user);
            assertThat(http.get("/api/v1/questions", t).status()).isEqualTo(403);
            assertThat(http.get("/api/v1/questions/Q-MK-1", t).status()).isEqualTo(403);
            assertThat(http.put("/api/v1/questions/Q-MK-1", t, World.map("competency", "1.1")).status()).isEqualTo(403);
        }
    }

    @Test
    void administratorsSetTheExamRulesAndSeeWhetherTheBankCanServeThem() {
        JsonNode defaults = http.get("/api/v1/exam-blueprints/ADULT", token("learner")).json();
        assertThat(defaults.get("blueprint").get("perArea").size()).isEqualTo(6);
        assertThat(defaults.get("blueprint").get("passPercent").asInt()).isEqualTo(70);

        String admin = token("province-admin");
        String rules = "/api/v1/exam-blueprints/WORKER";
        Http.Response badMix = http.put(rules, admin, World.map("perArea", World.map("1", 2), "easyPercent", 50,
                "mediumPercent", 40, "hardPercent", 20, "timeLimitMinutes", 20, "passPercent", 80, "maxAttempts", 2,
                "waitHours", 12));
        assertThat(badMix.status()).isEqualTo(400);
        assertThat(badMix.json().get("detail").asText()).contains("cộng lại bằng 100");
        Http.Response unknownArea = http.put(rules, admin, World.map("perArea", World.map("9", 2), "easyPercent", 50,
                "mediumPercent", 50, "hardPercent", 0, "timeLimitMinutes", 20, "passPercent", 80, "maxAttempts", 2,
                "waitHours", 12));
        assertThat(unknownArea.json().get("detail").asText()).contains("Lĩnh vực \"9\" không có");
        Object form = World.map("perArea", World.map("1", 2), "easyPercent", 50, "mediumPercent", 50, "hardPercent", 0,
                "timeLimitMinutes", 20, "passPercent", 80, "maxAttempts", 2, "waitHours", 12);
        assertThat(http.put(rules, token("commune-officer"), form).status()).isEqualTo(403);

        JsonNode before = http.put(rules, admin, form).json();
        assertThat(before.get("blueprint").get("perArea").get("2").asInt()).isZero();
        for (int i = 0; i < 2; i++) {
            http.put("/api/v1/questions/Q-BP-" + i, admin, World.map("competency", "1.1", "targetGroups",
                    List.of("WORKER"), "type", "TRUE_FALSE", "difficulty", 1, "prompt", "Câu " + i, "answer", "Đúng"));
        }
        JsonNode after = http.get(rules, admin).json();
        assertThat(after.get("availablePerArea").get("1").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(after.get("servable").asBoolean()).isTrue();
        assertThat(after.get("blueprint").get("timeLimitMinutes").asInt()).isEqualTo(20);
    }

    @Test
    void aBlankOptionBetweenFilledOnesIsRefusedRatherThanShiftingTheAnswer() {
        AppUser author = accounts.loadByUsername("province-admin").orElseThrow();
        long before = count();
        // B left empty: C would have become the second option and the answer C pointed at D's text
        ImportJob gap = importSheet(author, HEADER
                + "Q-GAP-1,1.1,ADULT,một lựa chọn,2,Mật khẩu nào an toàn nhất?,123456,,Ngày sinh của bạn,"
                + "Tr0ng-Nha!2026,C,\n");
        assertThat(gap.status()).isEqualTo(ImportJob.Status.REJECTED);
        assertThat(String.join("\n", SystemUser.call(author, () -> imports.errors(gap.id(), 10))))
                .contains("Dòng 2:", "Lựa chọn B để trống nhưng lựa chọn C có nội dung");
        assertThat(count()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM question WHERE code = 'Q-GAP-1'").query(Long.class).single()).isZero();
    }

    private ImportJob importSheet(AppUser author, String csv) {
        return SystemUser.call(author, () -> imports.runNow("QUESTION", "cau-hoi.csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), null));
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM question").query(Long.class).single();
    }
}
