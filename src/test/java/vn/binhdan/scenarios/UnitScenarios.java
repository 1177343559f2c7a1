package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.binhdan.importing.ImportJob;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.SystemUser;
import vn.binhdan.support.EndToEnd;
import vn.binhdan.support.Http;
import vn.binhdan.support.World;

/** Unit tree changes a provincial administrator makes, and denominators. */
public abstract class UnitScenarios extends EndToEnd {

    @Test
    void mergingCommunesMovesVillagesAndResidentsAndKeepsHistory() {
        String admin = token("province-admin");
        // a small commune of its own, so the shared fixture stays as other tests expect it
        byte[] units = ("code,name,type,parent_code\n90001,Xã Cũ Một,xã,66\n90001.01,Thôn Một,thôn,90001\n"
                + "90002,Xã Cũ Hai,xã,66\n90002.01,Thôn Hai,thôn,90002\n90003,Xã Mới,xã,66\n").getBytes(StandardCharsets.UTF_8);
        String id = http.upload("/api/v1/imports", admin, Map.of("kind", "UNIT"), "sap-nhap.csv", units).json()
                .get("job").get("id").asText();
        http.post("/api/v1/imports/" + id + "/start", admin, null);
        awaitDone(admin, id);
        byte[] people = ("Họ và tên,Ngày sinh,Giới tính,Số CCCD,Mã đơn vị\nNgười Xã Cũ,01/01/1970,Nam,066070900001,90002\n")
                .getBytes(StandardCharsets.UTF_8);
        String pid = http.upload("/api/v1/imports", admin, Map.of("kind", "PERSON"), "p.csv", people).json()
                .get("job").get("id").asText();
        http.post("/api/v1/imports/" + pid + "/start", admin, null);
        awaitDone(admin, pid);

        LocalDate effective = LocalDate.now();
        Http.Response merged = http.post("/api/v1/units/" + unit("90003") + "/merge", admin,
                World.map("sourceIds", List.of(unit("90001"), unit("90002")), "effective", effective.toString()));
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);

        JsonNode children = http.get("/api/v1/units/" + unit("90003") + "/children", admin).json();
        assertThat(names(children)).containsExactlyInAnyOrder("Thôn Một", "Thôn Hai");
        JsonNode subtree = http.get("/api/v1/units/" + unit("90003") + "/subtree", admin).json();
        assertThat(names(subtree)).containsExactly("Xã Mới", "Thôn Một", "Thôn Hai");
        JsonNode old = http.get("/api/v1/units/" + unit("90001"), admin).json();
        assertThat(old.get("validTo").asText()).isEqualTo(effective.toString());
        assertThat(old.get("successorId").asLong()).isEqualTo(unit("90003"));
        JsonNode history = http.get("/api/v1/units/" + unit("90002") + "/history", admin).json();
        assertThat(history.get(0).get("change").asText()).isEqualTo("MERGED");
        assertThat(history.get(0).get("name").asText()).isEqualTo("Xã Cũ Hai");
        // the resident of the old commune now counts under the new one
        JsonNode counts = http.get("/api/v1/units/" + unit("90003") + "/counts", admin).json();
        assertThat(counts.get(String.valueOf(unit("90003"))).get("residents").asLong()).isEqualTo(1);
        // ended units disappear from the tree but stay readable with their history
        JsonNode provinceChildren = http.get("/api/v1/units/" + unit("66") + "/children", admin).json();
        assertThat(names(provinceChildren)).doesNotContain("Xã Cũ Một", "Xã Cũ Hai");
        JsonNode withEnded = http.get("/api/v1/units/" + unit("66") + "/children?includeEnded=true", admin).json();
        assertThat(names(withEnded)).contains("Xã Cũ Một", "Xã Cũ Hai");
    }

    @Test
    void renamingKeepsTheOldName() {
        String admin = token("province-admin");
        long village = unit("24175.01");
        String before = http.get("/api/v1/units/" + village, admin).json().get("name").asText();
        Http.Response r = http.post("/api/v1/units/" + village + "/rename", admin,
                World.map("name", "Buôn Kô Sir Mới", "effective", LocalDate.now().toString()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("name").asText()).isEqualTo("Buôn Kô Sir Mới");
        JsonNode history = http.get("/api/v1/units/" + village + "/history", admin).json();
        assertThat(history.get(history.size() - 1).get("name").asText()).isEqualTo(before);
        Http.Response bad = http.post("/api/v1/units/" + village + "/rename", admin, World.map("name", " ", "effective", LocalDate.now().plusDays(1).toString()));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asText()).isEqualTo("Tên đơn vị không được để trống.");
        http.post("/api/v1/units/" + village + "/rename", admin, World.map("name", before, "effective", LocalDate.now().plusDays(1).toString()));
    }

    @Test
    void aDeclaredDenominatorWinsOverTheRegistryCount() {
        String officer = token("commune-officer");
        long ward = unit("24133");
        JsonNode counted = byGroup(http.get("/api/v1/units/" + ward + "/denominators?year=2026", officer).json(), "ADULT");
        assertThat(counted.get("value").asLong()).isEqualTo(counted.get("counted").asLong());
        JsonNode declared = byGroup(http.put("/api/v1/units/" + ward + "/denominators", officer,
                World.map("group", "ADULT", "year", 2026, "value", 41250, "source", "Niên giám thống kê 2025")).json(), "ADULT");
        assertThat(declared.get("value").asLong()).isEqualTo(41250);
        assertThat(declared.get("declaredBy").asText()).isEqualTo("commune-officer");
        assertThat(declared.get("counted").asLong()).isEqualTo(counted.get("counted").asLong());
        Http.Response negative = http.put("/api/v1/units/" + ward + "/denominators", officer,
                World.map("group", "ADULT", "year", 2026, "value", -1));
        assertThat(negative.status()).isEqualTo(400);
    }

    @Test
    void aUnitCannotBeMovedUnderItsOwnDescendantThroughTheImport() {
        String admin = token("province-admin");
        byte[] tree = "code,name,type,parent_code\n91001,Xã Vòng Lặp,xã,66\n91001.01,Thôn Dưới,thôn,91001\n"
                .getBytes(StandardCharsets.UTF_8);
        String id = http.upload("/api/v1/imports", admin, Map.of("kind", "UNIT"), "cay.csv", tree).json()
                .get("job").get("id").asText();
        http.post("/api/v1/imports/" + id + "/start", admin, null);
        awaitDone(admin, id);

        AppUser user = accounts.loadByUsername("province-admin").orElseThrow();
        ImportJob loop = SystemUser.call(user, () -> imports.runNow("UNIT", "vong.csv", new ByteArrayInputStream(
                "code,name,type,parent_code\n91001,Xã Vòng Lặp,xã,91001.01\n".getBytes(StandardCharsets.UTF_8)), null));
        assertThat(loop.status()).isEqualTo(ImportJob.Status.REJECTED);
        assertThat(SystemUser.call(user, () -> imports.errors(loop.id(), 10))).singleElement().asString()
                .startsWith("Dòng 2:").contains("91001.01", "cấp dưới của 91001", "vòng lặp");
        // the tree is as it was
        assertThat(http.get("/api/v1/units/" + unit("91001"), admin).json().get("parentId").asLong()).isEqualTo(unit("66"));
        assertThat(names(http.get("/api/v1/units/" + unit("91001") + "/subtree", admin).json()))
                .containsExactly("Xã Vòng Lặp", "Thôn Dưới");

        // swapping the two in one file is a real change, not a loop: the village leaves first
        ImportJob swap = SystemUser.call(user, () -> imports.runNow("UNIT", "doi.csv", new ByteArrayInputStream(
                "code,name,type,parent_code\n91001.01,Thôn Dưới,thôn,66\n91001,Xã Vòng Lặp,xã,91001.01\n"
                        .getBytes(StandardCharsets.UTF_8)), null));
        World.expectDone(swap);
        assertThat(http.get("/api/v1/units/" + unit("91001"), admin).json().get("parentId").asLong())
                .isEqualTo(unit("91001.01"));
    }

    void awaitDone(String token, String id) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!http.get("/api/v1/imports/" + id, token).json().get("status").asText().equals("DONE")) {
            assertThat(System.currentTimeMillis()).as("import " + id).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    static JsonNode byGroup(JsonNode list, String group) {
        return StreamSupport.stream(list.spliterator(), false).filter(n -> n.get("group").asText().equals(group))
                .findFirst().orElseThrow();
    }

    static List<String> names(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).map(n -> n.get("name").asText()).toList();
    }
}
