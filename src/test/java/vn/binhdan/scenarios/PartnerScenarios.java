package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.binhdan.support.EndToEnd;
import vn.binhdan.support.Http;
import vn.binhdan.support.World;

/**
 * Partners through the API and the pages: the province registers a telecom, its commitments in
 * classes and in money (the latter paying into a sponsorship line), records deliveries and sees
 * what was delivered against what was committed; the bad input of the issue is refused.
 */
public abstract class PartnerScenarios extends EndToEnd {

    @Test
    void theProvinceRegistersAPartnerAndSeesWhatWasDeliveredAgainstWhatWasCommitted() {
        String admin = token("province-admin");
        String officer = token("commune-officer");
        int year = LocalDate.now().getYear();
        long plan = PlanFixtures.provincePlan(http, admin, unit("66"), "Kế hoạch có đối tác tài trợ");
        long sponsorship = created(http.post("/api/v1/plans/" + plan + "/budget-lines", admin, World.map("unitId",
                unit("66"), "source", "SPONSORSHIP", "title", "VNPT tài trợ điểm học tập cộng đồng", "estimate", 200_000_000,
                "allocated", 200_000_000))).get("id").asLong();
        long communeLine = created(http.post("/api/v1/plans/" + plan + "/budget-lines", admin, World.map("unitId",
                unit("24133"), "source", "COMMUNE", "title", "Ngân sách phường cho lớp học", "estimate", 10_000_000,
                "allocated", 10_000_000))).get("id").asLong();

        JsonNode partner = created(http.post("/api/v1/partners", admin, World.map("unitId", unit("66"),
                "name", "VNPT Đắk Lắk (kịch bản)", "kind", "TELECOM", "contact", "Phòng Khách hàng tổ chức")));
        long id = partner.get("id").asLong();
        Http.Response twice = http.post("/api/v1/partners", admin, World.map("unitId", unit("66"),
                "name", "VNPT Đắk Lắk (kịch bản)", "kind", "TELECOM"));
        assertThat(twice.status()).isEqualTo(409);

        String commitments = "/api/v1/partners/" + id + "/commitments";
        JsonNode classes = created(http.post(commitments, admin, World.map("kind", "CLASSES",
                "description", "Mở lớp “Bình dân học vụ số” tại các điểm bưu điện văn hóa xã", "quantity", 10,
                "startsOn", year + "-01-01", "endsOn", year + "-12-31", "supportsKind", "CLASS", "supportsId", 1)));
        JsonNode money = created(http.post(commitments, admin, World.map("kind", "MONEY",
                "description", "Tài trợ thiết bị và gói dữ liệu", "quantity", 200_000_000, "currency", "VND",
                "startsOn", year + "-03-01", "endsOn", year + "-12-31", "budgetLineId", sponsorship)));
        assertThat(money.get("commitments").get(1).get("budgetLineTitle").asText()).isEqualTo("VNPT tài trợ điểm học tập cộng đồng");

        // the bad input: an end before the start, another currency, a line that is not a sponsorship
        Http.Response reversed = http.post(commitments, admin, World.map("kind", "VOLUNTEERS", "description", "x",
                "quantity", 5, "startsOn", year + "-06-30", "endsOn", year + "-06-01"));
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.json().get("detail").asText()).contains("endsOn", "trước ngày bắt đầu");
        Http.Response dollars = http.post(commitments, admin, World.map("kind", "MONEY", "description", "x",
                "quantity", 5000, "currency", "USD", "startsOn", year + "-01-01", "endsOn", year + "-12-31"));
        assertThat(dollars.status()).isEqualTo(400);
        assertThat(dollars.json().get("detail").asText()).contains("VND", "USD");
        Http.Response notSponsorship = http.post(commitments, admin, World.map("kind", "MONEY", "description", "x",
                "quantity", 5000, "startsOn", year + "-01-01", "endsOn", year + "-12-31", "budgetLineId", communeLine));
        assertThat(notSponsorship.status()).isEqualTo(400);
        assertThat(notSponsorship.json().get("detail").asText()).contains("tài trợ");
        assertThat(http.post(commitments, admin, World.map("kind", "DEVICES", "description", "x", "quantity", -3,
                "startsOn", year + "-01-01", "endsOn", year + "-12-31")).status()).isEqualTo(400);

        long classesId = classes.get("commitments").get(0).get("id").asLong();
        long moneyId = money.get("commitments").get(1).get("id").asLong();
        String today = LocalDate.now().toString();
        http.post("/api/v1/partner-commitments/" + classesId + "/deliveries", admin, World.map("deliveredOn", today,
                "quantity", 4, "documentRef", "Biên bản 01/VNPT"));
        // the same hand-over note sent twice is one delivery
        http.post("/api/v1/partner-commitments/" + classesId + "/deliveries", admin, World.map("deliveredOn", today,
                "quantity", 4, "documentRef", "Biên bản 01/VNPT"));
        http.post("/api/v1/partner-commitments/" + classesId + "/deliveries", admin, World.map("deliveredOn", today,
                "quantity", 3, "documentRef", "Biên bản 02/VNPT"));
        Http.Response paid = http.post("/api/v1/partner-commitments/" + moneyId + "/deliveries", admin, World.map(
                "deliveredOn", today, "quantity", 150_000_000, "documentRef", "Ủy nhiệm chi 15/VNPT"));
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        Http.Response future = http.post("/api/v1/partner-commitments/" + moneyId + "/deliveries", admin, World.map(
                "deliveredOn", LocalDate.now().plusDays(2).toString(), "quantity", 1, "documentRef", "x"));
        assertThat(future.status()).isEqualTo(400);

        JsonNode seen = http.get("/api/v1/partners/" + id, admin).json();
        assertThat(seen.get("commitments").get(0).get("committed").asLong()).isEqualTo(10);
        assertThat(seen.get("commitments").get(0).get("delivered").asLong()).isEqualTo(7);
        assertThat(seen.get("commitments").get(1).get("committed").asLong()).isEqualTo(200_000_000);
        assertThat(seen.get("commitments").get(1).get("delivered").asLong()).isEqualTo(150_000_000);

        // the ward's officer does not see the province's register
        assertThat(http.get("/api/v1/partners/" + id, officer).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/partners", officer).body()).doesNotContain("VNPT Đắk Lắk (kịch bản)");
        assertThat(http.post("/api/v1/partner-commitments/" + classesId + "/deliveries", officer, World.map(
                "deliveredOn", today, "quantity", 1, "documentRef", "x")).status()).isEqualTo(404);

        // the pages show the same, and a refused form comes back with its reason
        Http page = new Http(port, true);
        page.formLogin("province-admin", World.PASSWORD);
        assertThat(page.getHtml("/partners").body()).contains("VNPT Đắk Lắk (kịch bản)", "200.000.000", "150.000.000");
        String html = page.getHtml("/partners/" + id).body();
        assertThat(html).contains("Đã thực hiện 7/10 lớp (70%)", "Đã thực hiện 150.000.000/200.000.000 đồng (75%)",
                "VNPT tài trợ điểm học tập cộng đồng");
        // the sponsorship line of the budget shows what the partner committed to it and delivered
        assertThat(page.getHtml("/plans/" + plan + "/budget").body()).contains("VNPT Đắk Lắk (kịch bản)",
                "Tài trợ thiết bị và gói dữ liệu — đã thực hiện 150.000.000/200.000.000");
        Http.Response refused = page.postForm("/partners/" + id + "/commitments", Map.of("_csrf", Http.csrf(html),
                "kind", "VOLUNTEERS", "description", "Tình nguyện viên hướng dẫn VNeID", "quantity", "20",
                "startsOn", year + "-09-30", "endsOn", year + "-09-01"));
        assertThat(refused.body()).contains("trước ngày bắt đầu");
    }

    private static JsonNode created(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }
}
