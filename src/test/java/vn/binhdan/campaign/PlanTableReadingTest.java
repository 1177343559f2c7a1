package vn.binhdan.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.binhdan.campaign.internal.PlanDueParser;
import vn.binhdan.campaign.internal.PlanUnitMatcher;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.UnitType;

/** The time column and the unit names as the seed plans write them, read without a database. */
class PlanTableReadingTest {

    private static PlanTaskDue due(String text) {
        return PlanDueParser.parse(text).orElseThrow(() -> new AssertionError("not read: " + text));
    }

    @Test
    void dueFormsOfTheSeedPlans() {
        assertThat(due("Quý II/2026")).isEqualTo(new PlanTaskDue(PlanDueKind.QUARTER, "Quý II/2026", LocalDate.of(2026, 6, 30)));
        assertThat(due("hoàn thành trong Quý III/2025").date()).isEqualTo(LocalDate.of(2025, 9, 30));
        assertThat(due("Quý 4 năm 2026").date()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(due("QUY IV/2025").kind()).as("without diacritics, in capitals").isEqualTo(PlanDueKind.QUARTER);
        assertThat(due("năm 2025 - 2026")).isEqualTo(new PlanTaskDue(PlanDueKind.YEAR_RANGE, "năm 2025 - 2026",
                LocalDate.of(2026, 12, 31)));
        assertThat(due("2025–2026").kind()).isEqualTo(PlanDueKind.YEAR_RANGE);
        assertThat(due("6 tháng đầu năm 2027")).as("30 June, not the year's end")
                .isEqualTo(new PlanTaskDue(PlanDueKind.HALF_YEAR, "6 tháng đầu năm 2027", LocalDate.of(2027, 6, 30)));
        assertThat(due("Trong 6 tháng cuối năm 2027").date()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(due("Nửa đầu năm 2026").date()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(due("năm 2026–2027").date()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(due("Năm 2026")).isEqualTo(new PlanTaskDue(PlanDueKind.YEAR, "Năm 2026", LocalDate.of(2026, 12, 31)));
        assertThat(due("Thường xuyên")).isEqualTo(new PlanTaskDue(PlanDueKind.ONGOING, "Thường xuyên", null));
        assertThat(due("ngày 10/10 hằng năm").kind()).isEqualTo(PlanDueKind.ONGOING);
        assertThat(due("Thang 08/2026")).isEqualTo(new PlanTaskDue(PlanDueKind.MONTH, "Thang 08/2026", LocalDate.of(2026, 8, 31)));
        assertThat(due("Trước ngày 30/11/2026 và thường xuyên thực hiện").date()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(due("ngày 15 tháng 6 năm 2026").date()).isEqualTo(LocalDate.of(2026, 6, 15));
        assertThat(due("  ")).isEqualTo(PlanTaskDue.NONE);
        assertThat(PlanDueParser.parse("31/02/2026")).as("no such day").isEmpty();
        assertThat(PlanDueParser.parse("2027 - 2025")).as("a range backwards").isEmpty();
        assertThat(PlanDueParser.parse("Theo chỉ đạo của Trung ương")).isEmpty();
    }

    @Test
    void overdueOnlyAfterTheLastDayAndNeverWhenDoneOrOngoing() {
        PlanTaskDue q2 = due("Quý II/2026");
        assertThat(q2.overdueOn(LocalDate.of(2026, 6, 30), PlanTaskStatus.IN_PROGRESS)).isFalse();
        assertThat(q2.overdueOn(LocalDate.of(2026, 7, 1), PlanTaskStatus.IN_PROGRESS)).isTrue();
        assertThat(q2.overdueOn(LocalDate.of(2026, 7, 1), PlanTaskStatus.DONE)).isFalse();
        assertThat(due("Thường xuyên").overdueOn(LocalDate.of(2099, 1, 1), PlanTaskStatus.NOT_STARTED)).isFalse();
    }

    @Test
    void unitNamesAreMatchedInTheIssuersTreeAndCommasInsideNamesKept() {
        Unit province = unit(1, "Tỉnh Đắk Lắk", UnitType.PROVINCE, "/1/");
        Unit police = unit(2, "Công an tỉnh Đắk Lắk", UnitType.DEPARTMENT, "/1/2/");
        Unit culture = unit(3, "Sở Văn hóa, Thể thao và Du lịch", UnitType.DEPARTMENT, "/1/3/");
        Unit science = unit(4, "Sở Khoa học và Công nghệ", UnitType.DEPARTMENT, "/1/4/");
        Unit ward = unit(5, "Phường Buôn Ma Thuột", UnitType.WARD, "/1/5/");
        PlanUnitMatcher matcher = new PlanUnitMatcher(province, List.of(province, police, culture, science, ward));

        List<PlanUnitMatcher.Match> names = matcher.split(
                "- Công an tỉnh;\n- SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH, Sở KH&CN chủ trì hướng dẫn, UBND cấp xã; "
                        + "Các cơ quan, đơn vị có liên quan; Ủy ban nhân dân phường Buôn Ma Thuột, Hội Nông dân tỉnh");
        assertThat(names).extracting(PlanUnitMatcher.Match::text).containsExactly("Công an tỉnh",
                "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Sở KH&CN chủ trì hướng dẫn", "UBND cấp xã",
                "Các cơ quan, đơn vị có liên quan", "Ủy ban nhân dân phường Buôn Ma Thuột", "Hội Nông dân tỉnh");
        assertThat(names).extracting(m -> m.unit() == null ? null : m.unit().id())
                .containsExactly(2L, 3L, 4L, null, null, 5L, null);
        assertThat(names).extracting(PlanUnitMatcher.Match::collective)
                .containsExactly(null, null, null, PlanCollective.COMMUNES, PlanCollective.RELATED, null, null);
    }

    @Test
    void aNameThatFitsTwoUnitsIsNotGuessed() {
        Unit province = unit(1, "Tỉnh Đắk Lắk", UnitType.PROVINCE, "/1/");
        Unit a = unit(2, "Trường THCS Nguyễn Du", UnitType.SCHOOL, "/1/5/2/");
        Unit b = unit(3, "Trường THCS Nguyễn Du", UnitType.SCHOOL, "/1/6/3/");
        PlanUnitMatcher matcher = new PlanUnitMatcher(province, List.of(province, a, b));
        assertThat(matcher.resolve("Trường THCS Nguyễn Du").matched()).isFalse();
    }

    private static Unit unit(long id, String name, UnitType type, String path) {
        return new Unit(id, "U" + id, name, type, null, null, path, path.split("/").length - 2,
                LocalDate.of(2025, 7, 1), null, null);
    }
}
