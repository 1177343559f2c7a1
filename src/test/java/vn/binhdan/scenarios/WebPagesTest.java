package vn.binhdan.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.binhdan.support.EndToEnd;
import vn.binhdan.support.Http;
import vn.binhdan.support.World;

/** The server-rendered UI as a newcomer uses it: sign in, browse to a village, find a person. */
class WebPagesTest extends EndToEnd {

    Http browser() {
        return new Http(port, true);
    }

    /** The platform's quicker handler lookup must answer exactly as Spring's would. */
    @Test
    void pathsWithVariablesFindTheirHandlerAndWrongOnesAreRefusedAsBefore() {
        String token = token("province-admin");
        Http.Response ward = http.get("/api/v1/units/" + unit("24133"), token);
        assertThat(ward.status()).isEqualTo(200);
        assertThat(ward.body()).contains("Phường Buôn Ma Thuột");
        // a known path with the wrong method: 405, not 404
        assertThat(http.delete("/api/v1/contest-rounds/1/entries", token).status()).isEqualTo(405);
        assertThat(http.get("/api/v1/no-such-thing/1/items/2", token).status()).isEqualTo(404);
        // an escaped letter is decoded by Spring before matching, so it reaches the same handler
        assertThat(http.get("/api/v1/unit%73/" + unit("24133"), token).body()).contains("Phường Buôn Ma Thuột");
        // static files are not mistaken for a mapping
        assertThat(http.get("/css/app.css", token).status()).isEqualTo(200);
    }

    @Test
    void pagesNeedASignIn() {
        Http.Response r = http.getHtml("/persons?q=an");
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).endsWith("/login");
    }

    @Test
    void provinceAdminBrowsesTheTreeToAVillageAndFindsAPerson() {
        Http b = browser();
        Http.Response home = b.formLogin("province-admin", World.PASSWORD);
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("Xin chào, Sở KH&amp;CN Đắk Lắk", "Quản trị cấp tỉnh");

        Http.Response province = b.getHtml("/units");
        assertThat(province.body()).contains("<h1>Tỉnh Đắk Lắk</h1>", "Phường Buôn Ma Thuột", "Xã Hòa Phú",
                "Sở Khoa học và Công nghệ");
        Http.Response ward = b.getHtml("/units/" + unit("24133"));
        assertThat(ward.body()).contains("Tổ dân phố 1", "Trường THCS Phan Chu Trinh");
        Http.Response village = b.getHtml("/units/" + unit("24133.01"));
        assertThat(village.body()).contains("<h1>Tổ dân phố 1</h1>", "Tỉnh Đắk Lắk", "Người dân thuộc đơn vị");

        Http.Response inVillage = b.getHtml("/persons?unit=" + unit("24133.01"));
        assertThat(inVillage.body()).contains("Nguyễn Văn An", "Nguyễn Thị Hoa").doesNotContain("Lê Văn Cường");

        Http.Response found = b.getHtml("/persons?q=nguyen+van+an");
        assertThat(found.body()).contains("Nguyễn Văn An");
        Http.Response person = b.getHtml("/persons/" + person("Nguyễn Văn An"));
        assertThat(person.body()).contains("05/09/1985", "*********001", "UBND phường Buôn Ma Thuột")
                .doesNotContain("066085000001");
    }

    @Test
    void communeOfficerGetsAVietnameseRefusalOutsideTheWard() {
        Http b = browser();
        b.formLogin("commune-officer", World.PASSWORD);
        Http.Response units = b.getHtml("/units");
        assertThat(units.body()).contains("<h1>Phường Buôn Ma Thuột</h1>").doesNotContain("Hòa Phú");
        Http.Response province = b.getHtml("/units/" + unit("66"));
        assertThat(province.status()).isEqualTo(403);
        assertThat(province.body()).contains("nằm ngoài phạm vi");
        Http.Response other = b.getHtml("/persons/" + person("H'Hen Niê"));
        assertThat(other.status()).isEqualTo(403);
        assertThat(b.getHtml("/audit").status()).isEqualTo(403);
    }

    @Test
    void wrongPasswordIsExplainedOnTheLoginPage() {
        Http b = browser();
        Http.Response r = b.formLogin("province-admin", "sai-mat-khau");
        assertThat(r.body()).contains("Tên đăng nhập hoặc mật khẩu không đúng.");
    }

    @Test
    void englishIsSecond() {
        Http.Response en = browser().getHtml("/login?lang=en");
        assertThat(en.body()).contains("lang=\"en\"", "Sign in");
        Http.Response vi = browser().getHtml("/login");
        assertThat(vi.body()).contains("lang=\"vi\"", "Đăng nhập");
    }

    @Test
    void theImportWizardMapsColumnsOnAPreviewAndShowsProgress() {
        Http b = browser();
        b.formLogin("commune-officer", World.PASSWORD);
        String page = b.getHtml("/imports").body();
        String csv = "STT;Họ tên;Ngày tháng năm sinh;Giới tính;CCCD;Mã thôn\n"
                + "1;Lò Văn Páo;09/09/1999;Nam;066099300001;24133.02\n";
        Http.Response mapping = b.upload("/imports", null, Map.of("kind", "PERSON", "_csrf", Http.csrf(page)),
                "ds.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(mapping.status()).isEqualTo(200);
        assertThat(mapping.body()).contains("Lò Văn Páo", "Ghép cột");
        String action = mapping.body().replaceAll("(?s).*action=\"([^\"]*/start)\".*", "$1");
        Http.Response progress = b.postForm(action, Map.of("_csrf", Http.csrf(mapping.body()),
                "full_name", "1", "birth_date", "2", "sex", "3", "id_number", "4", "unit_code", "5"));
        assertThat(progress.status()).isEqualTo(200);
        assertThat(progress.body()).contains("<progress");
        long deadline = System.currentTimeMillis() + 20_000;
        while (jdbc.sql("SELECT COUNT(*) FROM person WHERE full_name = 'Lò Văn Páo'").query(Long.class).single() == 0) {
            assertThat(System.currentTimeMillis()).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
