package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.binhdan.support.EndToEnd;
import vn.binhdan.support.Http;
import vn.binhdan.support.World;

/**
 * A plan's budget through the API: the province and a ward add funding lines, the ward records
 * two quarters of spending, sees estimate, allocated and spent, and is warned past the allocation.
 */
public abstract class BudgetScenarios extends EndToEnd {

    @Test
    void aWardRecordsTwoQuartersOfSpendingAndIsWarnedPastItsAllocation() {
        String admin = token("province-admin");
        String officer = token("commune-officer");
        long plan = PlanFixtures.provincePlan(http, admin, unit("66"), "Kế hoạch có kinh phí");
        long task = jdbc.sql("SELECT id FROM plan_task WHERE plan_id = ? ORDER BY position LIMIT 1").param(plan)
                .query(Long.class).single();
        String lines = "/api/v1/plans/" + plan + "/budget-lines";
        Http.Response provincial = http.post(lines, admin, World.map("taskId", task, "unitId", unit("66"),
                "source", "PROVINCIAL", "title", "Tập huấn tổ công nghệ số", "estimate", 500_000_000, "allocated", 400_000_000));
        assertThat(provincial.status()).as(provincial.body()).isEqualTo(201);
        Http.Response ward = http.post(lines, admin, World.map("unitId", unit("24133"), "source", "COMMUNE",
                "title", "Lớp học Bình dân học vụ số", "estimate", 30_000_000, "allocated", 20_000_000, "currency", "VND"));
        assertThat(ward.status()).as(ward.body()).isEqualTo(201);
        long line = ward.json().get("id").asLong();
        int year = LocalDate.now().getYear();

        String spend = "/api/v1/budget-lines/" + line + "/spending";
        JsonNode q1 = http.post(spend, officer, World.map("year", year, "quarter", 1, "amount", 12_000_000,
                "documentRef", "Chứng từ 01/2026")).json();
        assertThat(q1.get("spent").asLong()).isEqualTo(12_000_000);
        assertThat(q1.hasNonNull("warning")).isFalse();
        JsonNode q2 = http.post(spend, officer, World.map("year", year, "quarter", 2, "amount", 9_500_000,
                "documentRef", "Chứng từ 07/2026")).json();
        assertThat(q2.get("spent").asLong()).isEqualTo(21_500_000);
        assertThat(q2.get("warning").asText()).contains("vượt số được giao", "1.500.000");
        assertThat(q2.get("spending").size()).isEqualTo(2);

        // the ward sees its own line; the province sees both with the totals
        JsonNode wardBudget = http.get("/api/v1/plans/" + plan + "/budget", officer).json();
        assertThat(wardBudget.get("lines").size()).isEqualTo(1);
        assertThat(wardBudget.get("spent").asLong()).isEqualTo(21_500_000);
        JsonNode all = http.get("/api/v1/plans/" + plan + "/budget", admin).json();
        assertThat(all.get("lines").size()).isEqualTo(2);
        assertThat(all.get("estimate").asLong()).isEqualTo(530_000_000);
        assertThat(all.get("allocated").asLong()).isEqualTo(420_000_000);

        // bad input: a negative amount, another currency, a line for a unit outside one's area
        Http.Response negative = http.post(spend, officer, World.map("year", year, "quarter", 3, "amount", -1_000_000,
                "documentRef", "x"));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("detail").asText()).contains("amount", "âm");
        Http.Response dollars = http.post(spend, officer, World.map("year", year, "quarter", 3, "amount", 100,
                "documentRef", "x", "currency", "USD"));
        assertThat(dollars.status()).isEqualTo(400);
        assertThat(dollars.json().get("detail").asText()).contains("VND", "USD");
        assertThat(http.post(lines, officer, World.map("unitId", unit("24175"), "source", "COMMUNE", "title", "x",
                "estimate", 1)).status()).isEqualTo(404);
        assertThat(http.post(lines, admin, World.map("unitId", unit("24133"), "source", "COMMUNE", "title", "x",
                "estimate", -5)).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/plans/" + plan + "/budget", officer).json().get("spent").asLong())
                .isEqualTo(21_500_000);
    }
}
