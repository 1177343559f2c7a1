package vn.binhdan.demo;

import java.util.List;
import java.util.Random;
import vn.binhdan.people.Sex;

/**
 * Personal names as they appear in a Central Highlands register. Kinh and the northern
 * minorities who settled here (Tày, Nùng, Thái, Mường) write family, middle and given name;
 * Ê Đê and M'nông write a sex prefix (Y for men, H' for women), the given name and the clan
 * name, which children take from their mother; Gia Rai put the clan name first.
 */
final class VietnameseNames {

    enum Ethnicity {
        KINH("Kinh", false),
        EDE("Ê Đê", true),
        MNONG("M'nông", true),
        GIA_RAI("Gia Rai", true),
        TAY("Tày", false),
        NUNG("Nùng", false),
        THAI("Thái", false),
        MUONG("Mường", false);

        final String label;
        final boolean matrilineal;

        Ethnicity(String label, boolean matrilineal) {
            this.label = label;
            this.matrilineal = matrilineal;
        }
    }

    /** A family name with its weight: about four in ten Vietnamese are Nguyễn. */
    private record Weighted(String value, int weight) {
    }

    private static final List<Weighted> KINH_FAMILIES = List.of(
            new Weighted("Nguyễn", 380), new Weighted("Trần", 110), new Weighted("Lê", 95), new Weighted("Phạm", 70),
            new Weighted("Hoàng", 30), new Weighted("Huỳnh", 25), new Weighted("Phan", 45), new Weighted("Vũ", 20),
            new Weighted("Võ", 25), new Weighted("Đặng", 21), new Weighted("Bùi", 20), new Weighted("Đỗ", 14),
            new Weighted("Hồ", 13), new Weighted("Ngô", 13), new Weighted("Dương", 10), new Weighted("Lý", 5),
            new Weighted("Đinh", 6), new Weighted("Trương", 6), new Weighted("Lương", 4), new Weighted("Mai", 4));
    private static final List<String> TAY_FAMILIES = List.of("Hoàng", "Nông", "Lục", "Hà", "Lương", "Ma", "Triệu");
    private static final List<String> NUNG_FAMILIES = List.of("Hoàng", "Nông", "Lý", "Vi", "Lương", "Lăng", "Chu");
    private static final List<String> THAI_FAMILIES = List.of("Lò", "Cầm", "Lường", "Vi", "Hà", "Quàng", "Tòng");
    private static final List<String> MUONG_FAMILIES = List.of("Đinh", "Bùi", "Quách", "Hà", "Xa", "Cao");
    private static final List<String> EDE_CLANS = List.of("Niê", "Êban", "Mlô", "Ayun", "Ktla", "Adrơng", "Byă",
            "Hwing", "Knul", "Mdrang", "Ksơr", "Êya", "Kbuôr", "Hđơk", "Buôn Yă", "Niê Kdăm", "Mlô Duôn Du", "Ênuôl",
            "Kpă", "Bkrông", "Êcăm");
    private static final List<String> MNONG_CLANS = List.of("Liêng", "Bon Jôk", "Bon Ding", "Lơ Mu", "Mơ Ul", "Ndu",
            "Điểu", "Bdap");
    private static final List<String> GIA_RAI_CLANS = List.of("Ksor", "Rơ Mah", "Siu", "Rah Lan", "Nay", "Kpă",
            "Rơ Châm", "Puih");

    private static final List<String> MALE_MIDDLE_OLD = List.of("Văn", "Văn", "Văn", "Văn", "Đức", "Hữu", "Công",
            "Quang", "Xuân", "Ngọc", "Minh", "Thanh", "Đình");
    private static final List<String> MALE_MIDDLE_YOUNG = List.of("Văn", "Văn", "Minh", "Gia", "Đức", "Quốc", "Anh",
            "Hoàng", "Bảo", "Nhật", "Trung", "Thành", "Tuấn", "Đăng", "Hữu");
    private static final List<String> FEMALE_MIDDLE_OLD = List.of("Thị", "Thị", "Thị", "Thị", "Thị", "Thị", "Ngọc",
            "Thu", "Kim", "Thanh", "Hồng");
    private static final List<String> FEMALE_MIDDLE_YOUNG = List.of("Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh",
            "Khánh", "Bảo", "Phương", "Mỹ", "Gia", "Hoài", "Thảo", "Diệu", "Quỳnh");
    private static final List<String> MALE_GIVEN = List.of("Hùng", "Dũng", "Tuấn", "Minh", "Nam", "Hải", "Long",
            "Phúc", "Khang", "Bảo", "Huy", "Quân", "Tài", "Thắng", "Sơn", "Trung", "Hiếu", "Đạt", "Lâm", "Phong",
            "Cường", "Thịnh", "Vinh", "Toàn", "Tiến", "Khoa", "An", "Đức", "Hoàng", "Nhân", "Bình", "Tâm", "Thành",
            "Lộc", "Tùng", "Kiên", "Hòa", "Nghĩa", "Quý", "Trọng");
    private static final List<String> FEMALE_GIVEN = List.of("Lan", "Hương", "Hoa", "Mai", "Linh", "Trang", "Thảo",
            "Hà", "Ngọc", "Nhung", "Hằng", "Thủy", "Yến", "Vy", "Anh", "Chi", "Ngân", "Trâm", "Nhi", "Hạnh", "Dung",
            "Loan", "Phương", "Quyên", "My", "Tuyết", "Oanh", "Diệu", "Thu", "Xuân", "Huyền", "Liên", "Nga", "Vân",
            "Hiền", "Giang", "Tú", "Duyên", "Thư", "Nguyệt");
    private static final List<String> EDE_MALE = List.of("Bih", "Kông", "Ngông", "Jút", "Blin", "Dhăm", "Khuê", "Mal",
            "Thuôl", "Wưn", "Sơn", "Tlang", "Bhiơ", "Krư", "Nơ", "Phun", "Djuan", "Hiêng", "Yang", "Thanh", "Khoa",
            "Phôn", "Mứ", "Ruăn");
    private static final List<String> EDE_FEMALE = List.of("Hen", "Lim", "Bia", "Rin", "Yơn", "Ngơn", "Blích", "Juê",
            "Nhi", "Duyên", "Mai", "Tuyết", "Nguôn", "Hoan", "Dơ", "Phiơ", "Ruôn", "Xíu", "Linh", "Wiên", "Kim", "Ly");
    private static final List<String> MNONG_MALE = List.of("Thuột", "Bluh", "Dăm", "Ngơi", "Kriêng", "Hlơr", "Mlo",
            "Jơ", "Broh", "Sao");
    private static final List<String> MNONG_FEMALE = List.of("Blan", "Ngun", "Hmeh", "Ruê", "Bloanh", "Jam", "Lơ",
            "Drip");
    private static final List<String> GIA_RAI_MALE = List.of("Phun", "Đel", "Thơ", "Blông", "Tuất", "Hyưk", "Dơk",
            "Nhol", "Plin", "Ưn");
    private static final List<String> GIA_RAI_FEMALE = List.of("Bê", "Lin", "Mai", "Blơi", "Wiên", "Nguăn", "Hơ",
            "Phiên", "Mơ", "Jen");

    private VietnameseNames() {
    }

    static String family(Ethnicity e, Random r) {
        return switch (e) {
            case KINH -> weighted(KINH_FAMILIES, r);
            case TAY -> pick(TAY_FAMILIES, r);
            case NUNG -> pick(NUNG_FAMILIES, r);
            case THAI -> pick(THAI_FAMILIES, r);
            case MUONG -> pick(MUONG_FAMILIES, r);
            case EDE -> pick(EDE_CLANS, r);
            case MNONG -> pick(MNONG_CLANS, r);
            case GIA_RAI -> pick(GIA_RAI_CLANS, r);
        };
    }

    static String fullName(Ethnicity e, Sex sex, int birthYear, String family, Random r) {
        boolean male = sex == Sex.MALE;
        return switch (e) {
            case EDE -> (male ? "Y " : "H'") + pick(male ? EDE_MALE : EDE_FEMALE, r) + " " + family;
            case MNONG -> (male ? "Y " : "H'") + pick(male ? MNONG_MALE : MNONG_FEMALE, r) + " " + family;
            case GIA_RAI -> family + " " + (male ? pick(GIA_RAI_MALE, r) : "H'" + pick(GIA_RAI_FEMALE, r));
            default -> {
                // Văn and Thị were near universal until the 1980s; younger people carry more varied middle names.
                boolean young = birthYear >= 1985;
                List<String> middle = male ? (young ? MALE_MIDDLE_YOUNG : MALE_MIDDLE_OLD)
                        : (young ? FEMALE_MIDDLE_YOUNG : FEMALE_MIDDLE_OLD);
                yield family + " " + pick(middle, r) + " " + pick(male ? MALE_GIVEN : FEMALE_GIVEN, r);
            }
        };
    }

    static <T> T pick(List<T> list, Random r) {
        return list.get(r.nextInt(list.size()));
    }

    private static String weighted(List<Weighted> list, Random r) {
        int total = 0;
        for (Weighted w : list) {
            total += w.weight();
        }
        int x = r.nextInt(total);
        for (Weighted w : list) {
            x -= w.weight();
            if (x < 0) {
                return w.value();
            }
        }
        return list.getLast().value();
    }
}
