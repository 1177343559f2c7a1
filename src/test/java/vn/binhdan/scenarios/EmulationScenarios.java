package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.binhdan.support.EndToEnd;
import vn.binhdan.support.Http;
import vn.binhdan.support.World;

/**
 * Emulation and rewards through the API: communes record their year-end review and the province
 * sees who held theirs; a commendation campaign's proposals go up, are appraised and decided.
 */
public abstract class EmulationScenarios extends EndToEnd {

    static final int YEAR = LocalDate.now().getYear() - 1;

    private String review(long unit, int year) {
        return "/api/v1/units/" + unit + "/year-end-reviews/" + year;
    }

    @Test
    void aCommuneRecordsItsYearEndReviewOnceAndTheProvinceSeesWhoHeldTheirs() {
        String officer = token("commune-officer");
        String admin = token("province-admin");
        long ward = unit("24133");
        long other = unit("24175");

        Http.Response first = http.put(review(ward, YEAR), officer, World.map("heldOn", YEAR + "-12-05",
                "chair", "Chủ tịch UBND phường", "attendance", 80, "minutesRef", "01/BB-UBND",
                "results", "Hoàn thành 9/10 chỉ tiêu", "proposals", "Đề nghị tặng Giấy khen"));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        // sent again, corrected: still one review, now with the corrected figure
        Http.Response again = http.put(review(ward, YEAR), officer, World.map("heldOn", YEAR + "-12-05",
                "chair", "Chủ tịch UBND phường", "attendance", 85, "minutesRef", "01/BB-UBND"));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        assertThat(http.get(review(ward, YEAR), admin).json().get("attendance").asInt()).isEqualTo(85);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM year_end_review WHERE unit_id = ? AND review_year = ?")
                .params(ward, YEAR).query(Long.class).single()).isEqualTo(1);

        JsonNode overview = http.get("/api/v1/year-end-reviews?unitId=" + unit("66") + "&year=" + YEAR, admin).json();
        assertThat(overview.get("reportBy").asText()).isEqualTo(YEAR + "-12-10");
        assertThat(line(overview, "Phường Buôn Ma Thuột").get("held").asBoolean()).isTrue();
        assertThat(line(overview, "Xã Hòa Phú").get("held").asBoolean()).isFalse();
        // the past year's deadline has gone by: a commune without its review is late
        assertThat(line(overview, "Xã Hòa Phú").get("late").asBoolean()).isTrue();
        assertThat(overview.get("communes").asInt()).isEqualTo(overview.get("lines").size());

        // the ward's officer sees the ward only
        assertThat(http.get("/api/v1/year-end-reviews?unitId=" + unit("66") + "&year=" + YEAR, officer).status())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/year-end-reviews?unitId=" + ward + "&year=" + YEAR, officer).json().get("lines")
                .size()).isEqualTo(1);
        assertThat(http.put(review(other, YEAR), officer, World.map("heldOn", YEAR + "-12-05", "chair", "X",
                "attendance", 10)).status()).isEqualTo(404);

        // the page shows the same
        Http page = new Http(port, true);
        page.formLogin("province-admin", World.PASSWORD);
        assertThat(page.getHtml("/emulation/reviews?unit=" + unit("66") + "&year=" + YEAR).body())
                .contains("Xã Hòa Phú", "Chưa tổ chức", "Đã tổ chức", "10/12/" + YEAR);
    }

    @Test
    void aReviewWithoutItsFactsIsRefusedNamingTheField() {
        String officer = token("commune-officer");
        long ward = unit("24133");
        Http.Response noChair = http.put(review(ward, YEAR), officer, World.map("heldOn", YEAR + "-12-05",
                "attendance", 10));
        assertThat(noChair.status()).isEqualTo(400);
        assertThat(noChair.json().get("detail").asText()).contains("chair");
        Http.Response future = http.put(review(ward, LocalDate.now().getYear()), officer, World.map("heldOn",
                LocalDate.now().plusDays(3).toString(), "chair", "X", "attendance", 10));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("detail").asText()).contains("heldOn");
        Http.Response village = http.put(review(unit("24133.01"), YEAR), officer, World.map("heldOn", YEAR + "-12-05",
                "chair", "X", "attendance", 10));
        assertThat(village.status()).isEqualTo(400);
    }

    static JsonNode line(JsonNode overview, String name) {
        for (JsonNode l : overview.get("lines")) {
            if (l.get("unitName").asText().equals(name)) {
                return l;
            }
        }
        throw new AssertionError("no line for " + name + " in " + overview);
    }
}
