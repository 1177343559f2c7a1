package vn.binhdan.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import vn.binhdan.shared.VietnameseText;

/**
 * Generates a province's unit list and a person file for it, shaped like the files officials
 * keep: households of 1–7 people in ~700 villages of ~100 communes, Kinh names drawn from
 * approximate national frequency lists (Nguyễn ≈ 38 %, Trần, Lê, Phạm, …; Văn/Thị and other
 * middle names; Zipf-weighted given names) and, as in Đắk Lắk, about a fifth of households of
 * Ê Đê / M'Nông / Gia Rai naming (Y… / H'… + clan name). Children of school age go to the
 * schools of their commune, some adults work for enterprises or departments. The person file is
 * written row by row, so a million rows never sit in memory.
 */
final class DataGen {

    static final String PROVINCE = "66";
    static final int COMMUNES = 100;
    static final int VILLAGES_PER_COMMUNE = 7;
    static final int HIGH_SCHOOL_EVERY = 5;
    static final int ENTERPRISES = 150;
    static final int COOPERATIVES = 50;
    static final int DEPARTMENTS = 20;
    /** Birth dates are drawn up to this day, so none is "in the future" for the importer. */
    static final LocalDate REFERENCE = LocalDate.of(2025, 6, 30);

    static final String PERSON_HEADER = "ho_va_ten,ngay_sinh,gioi_tinh,so_cccd,ma_don_vi,dan_toc,khuyet_tat,"
            + "so_dien_thoai,ma_ho,ma_co_quan,ma_truong,cap_hoc,ma_doanh_nghiep";
    static final int PERSON_COLUMNS = 13;

    // ---- name frequency lists (approximate shares in %, or Zipf weights by rank) ----

    static final Weighted KINH_FAMILY = new Weighted(
            "Nguyễn", 38.4, "Trần", 11.0, "Lê", 9.5, "Phạm", 7.0, "Phan", 4.5, "Hoàng", 3.0, "Huỳnh", 2.1,
            "Đặng", 2.1, "Vũ", 2.0, "Bùi", 2.0, "Võ", 1.9, "Đỗ", 1.4, "Hồ", 1.3, "Ngô", 1.3, "Dương", 1.0,
            "Đinh", 0.8, "Trương", 0.8, "Lý", 0.5, "Hà", 0.5, "Đoàn", 0.5, "Lâm", 0.4, "Mai", 0.4, "Cao", 0.4,
            "Lương", 0.4, "Trịnh", 0.4, "Lưu", 0.3, "Tạ", 0.2, "Châu", 0.2, "Tô", 0.2, "Chu", 0.2, "Thái", 0.2,
            "Văn", 0.2, "Quách", 0.1, "La", 0.1, "Kiều", 0.1, "Nông", 0.3, "Triệu", 0.2, "Lò", 0.1);
    static final Weighted MALE_MIDDLE = new Weighted(
            "Văn", 30, "Minh", 10, "Đức", 8, "Hữu", 7, "Quang", 6, "Thanh", 5, "Công", 5, "Xuân", 4, "Ngọc", 4,
            "Đình", 3, "Hoàng", 3, "Anh", 3, "Trung", 3, "Thành", 3, "Gia", 3, "Tuấn", 2, "Bảo", 2, "Tấn", 2,
            "Nhật", 2, "Quốc", 2, "Duy", 2);
    static final Weighted FEMALE_MIDDLE = new Weighted(
            "Thị", 45, "Ngọc", 8, "Thu", 5, "Thanh", 5, "Minh", 4, "Kim", 4, "Hồng", 4, "Phương", 3, "Bảo", 3,
            "Mai", 3, "Khánh", 3, "Thùy", 3, "Ánh", 2, "Hoài", 2, "Mỹ", 2, "Quỳnh", 2, "Như", 2, "Diệu", 1);
    static final Weighted MALE_GIVEN = Weighted.zipf(0.8,
            "Anh", "Minh", "Hùng", "Dũng", "Tuấn", "Nam", "Hải", "Long", "Sơn", "Thắng", "Hoàng", "Huy", "Đức",
            "Cường", "Quang", "Trung", "Phong", "Bình", "Thành", "Việt", "Khánh", "Tùng", "Hiếu", "Lâm", "Duy",
            "An", "Bảo", "Đạt", "Khoa", "Kiên", "Nghĩa", "Phúc", "Quân", "Tài", "Thịnh", "Tiến", "Toàn", "Vinh",
            "Vũ", "Hưng", "Lộc", "Phát", "Tâm", "Thanh", "Hòa", "Hậu", "Tú", "Khang", "Nhân", "Thái", "Trí",
            "Hiệp", "Lợi", "Mạnh", "Tín", "Định", "Châu", "Quý", "Sang", "Thuận");
    static final Weighted FEMALE_GIVEN = Weighted.zipf(0.8,
            "Linh", "Hương", "Trang", "Hà", "Lan", "Anh", "Hoa", "Thảo", "Hằng", "Huyền", "Mai", "Ngọc", "Phương",
            "Thủy", "Nga", "Dung", "Hạnh", "Yến", "Nhung", "Hiền", "Vân", "Thu", "Quỳnh", "Chi", "Giang", "Loan",
            "Ly", "My", "Nhi", "Oanh", "Tâm", "Trâm", "Uyên", "Vy", "Ánh", "Duyên", "Hồng", "Liên", "Ngân",
            "Thư", "Thúy", "Diệp", "Hoài", "Lệ", "Tuyết", "Xuân", "Hậu", "Sương", "Kiều", "Nhàn", "Thơm", "Lụa");
    /** Ê Đê / M'Nông / Gia Rai clan names; children take their mother's clan. */
    static final Weighted CLAN = Weighted.zipf(0.7,
            "Niê", "Êban", "Mlô", "Ksor", "Byă", "Adrơng", "Kbuôr", "Hwing", "Ayŭn", "Ênuôl", "Buôn Yă", "Rơ Châm",
            "Siu", "Rahlan", "Bkrông", "Hđơk", "Mdrang", "Knul");
    static final Weighted INDIGENOUS_GIVEN_M = Weighted.zipf(0.6,
            "Sơn", "Bhiông", "Khuê", "Blin", "Djuin", "Tlang", "Kim", "Yuh", "Wơn", "Thăk", "Bốp", "Kô", "Ju",
            "Ngun", "Jơ", "Hiêng", "Duel", "Kriêng");
    static final Weighted INDIGENOUS_GIVEN_F = Weighted.zipf(0.6,
            "Hen", "Nga", "Ly", "Suê", "Ni", "Blăng", "Mai", "Thu", "Jen", "Djuăn", "Nhi", "Linh", "Yơn", "Bhuơ",
            "Ruôn", "Ngơn", "Wiên", "Lê");
    static final Weighted ETHNICITY = new Weighted(
            "Kinh", 66, "Ê Đê", 17, "Nùng", 4, "Tày", 4, "M'Nông", 3, "Gia Rai", 2, "Mường", 2, "Dao", 1, "Thái", 1);
    static final Weighted DISABILITY = new Weighted(
            "", 985, "khuyết tật vận động", 6, "khuyết tật nghe, nói", 3, "khuyết tật nhìn", 3,
            "khuyết tật trí tuệ", 2, "khuyết tật thần kinh, tâm thần", 1);
    static final int[] HOUSEHOLD_SIZE_PCT = {10, 18, 22, 25, 14, 7, 4}; // sizes 1..7

    private static final String[] COMMUNE_STEM = {"Ea", "Cư", "Krông", "Hòa", "Tân", "Phú", "Bình", "Đức", "Quảng",
            "Yang"};
    private static final String[] COMMUNE_TAIL = {"Kar", "M'gar", "Búk", "Pắc", "Thành", "Lộc", "Thuận", "Xuân",
            "Sơn", "Tiến"};

    private DataGen() {
    }

    static String commune(int c) {
        return PROVINCE + String.format("%03d", c + 1);
    }

    static String village(int c, int v) {
        return commune(c) + "-" + (v + 1);
    }

    /** Province, communes (with their UBND office and schools), villages, departments, enterprises. */
    static int writeUnits(Path file) throws IOException {
        int n = 0;
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("code,name,type,parent_code\n");
            w.write(PROVINCE + ",Đắk Lắk,tỉnh,\n");
            n++;
            for (int c = 0; c < COMMUNES; c++) {
                String name = COMMUNE_STEM[c / 10] + " " + COMMUNE_TAIL[c % 10];
                boolean ward = c % 10 == 9;
                w.write(commune(c) + "," + (ward ? "Phường " : "Xã ") + name + "," + (ward ? "phường" : "xã") + ","
                        + PROVINCE + "\n");
                w.write("UB" + commune(c) + ",UBND " + name + ",ubnd xã," + commune(c) + "\n");
                w.write("TH" + commune(c) + ",Trường Tiểu học " + name + ",trường," + commune(c) + "\n");
                w.write("CS" + commune(c) + ",Trường THCS " + name + ",trường," + commune(c) + "\n");
                n += 4;
                if (c % HIGH_SCHOOL_EVERY == 0) {
                    w.write("PT" + commune(c) + ",Trường THPT " + name + ",trường," + commune(c) + "\n");
                    n++;
                }
                for (int v = 0; v < VILLAGES_PER_COMMUNE; v++) {
                    boolean buon = (c + v) % 4 == 0;
                    w.write(village(c, v) + "," + (ward ? "Tổ dân phố " + (v + 1) : buon ? "Buôn " + (char) ('A' + v)
                            + " " + name : "Thôn " + (v + 1)) + "," + (ward ? "tổ dân phố" : buon ? "buôn" : "thôn")
                            + "," + commune(c) + "\n");
                    n++;
                }
            }
            w.write("CD01,Trường Cao đẳng Kỹ thuật Đắk Lắk,cao đẳng," + PROVINCE + "\n");
            n++;
            for (int d = 0; d < DEPARTMENTS; d++) {
                w.write(String.format("SO%02d,Sở số %d,sở,%s%n", d + 1, d + 1, PROVINCE));
                n++;
            }
            for (int e = 0; e < ENTERPRISES; e++) {
                w.write(String.format("DN%03d,Công ty TNHH %d,doanh nghiệp,%s%n", e + 1, e + 1,
                        commune(e % COMMUNES)));
                n++;
            }
            for (int e = 0; e < COOPERATIVES; e++) {
                w.write(String.format("HTX%02d,Hợp tác xã số %d,hợp tác xã,%s%n", e + 1, e + 1,
                        commune((e * 2) % COMMUNES)));
                n++;
            }
        }
        return n;
    }

    /** Writes {@code rows} persons (plus the header); returns the number of households. */
    static long writePersons(Path file, long rows, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] serial = new int[400]; // per (century/sex digit, year) CCCD serial counters
        long written = 0;
        long households = 0;
        StringBuilder line = new StringBuilder(256);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(PERSON_HEADER);
            w.write('\n');
            while (written < rows) {
                households++;
                int commune = rnd.nextInt(COMMUNES);
                String village = village(commune, rnd.nextInt(VILLAGES_PER_COMMUNE));
                String household = String.format("HG%08d", households);
                String ethnicity = ETHNICITY.pick(rnd);
                boolean indigenous = ethnicity.equals("Ê Đê") || ethnicity.equals("M'Nông") || ethnicity.equals("Gia Rai");
                int size = householdSize(rnd);
                boolean headMale = rnd.nextInt(100) < 80;
                int headAge = 22 + rnd.nextInt(64);
                String headFamily = indigenous ? CLAN.pick(rnd) : KINH_FAMILY.pick(rnd);
                String spouseFamily = indigenous ? CLAN.pick(rnd) : KINH_FAMILY.pick(rnd);
                boolean spouse = size >= 2 && rnd.nextInt(100) < 85;
                String childFamily = indigenous
                        ? (headMale ? (spouse ? spouseFamily : headFamily) : headFamily)
                        : (headMale || !spouse ? headFamily : spouseFamily);
                for (int m = 0; m < size && written < rows; m++) {
                    boolean male;
                    int age;
                    String family;
                    if (m == 0) {
                        male = headMale;
                        age = headAge;
                        family = headFamily;
                    } else if (m == 1 && spouse) {
                        male = !headMale;
                        age = Math.max(18, headAge + rnd.nextInt(11) - 5);
                        family = spouseFamily;
                    } else {
                        male = rnd.nextBoolean();
                        age = Math.max(0, headAge - 20 - rnd.nextInt(Math.max(1, Math.min(headAge - 20, 22))));
                        family = childFamily;
                    }
                    LocalDate birth = REFERENCE.minusYears(age).minusDays(rnd.nextInt(365));
                    String name = indigenous ? indigenousName(rnd, male, family) : kinhName(rnd, male, family,
                            birth.getYear());
                    line.setLength(0);
                    csv(line, name);
                    line.append(',').append(String.format("%02d/%02d/%04d", birth.getDayOfMonth(),
                            birth.getMonthValue(), birth.getYear()));
                    line.append(',').append(male ? "Nam" : "Nữ");
                    line.append(',').append(cccd(birth.getYear(), male, serial));
                    line.append(',').append(village);
                    line.append(',');
                    csv(line, ethnicity);
                    line.append(',');
                    csv(line, DISABILITY.pick(rnd));
                    line.append(',');
                    if (age >= 12 && rnd.nextInt(100) < 65) {
                        line.append(rnd.nextBoolean() ? "09" : "03").append(String.format("%08d", rnd.nextInt(100_000_000)));
                    }
                    line.append(',').append(household);
                    String agency = "";
                    String school = "";
                    String level = "";
                    String enterprise = "";
                    if (age >= 6 && age <= 17 && rnd.nextInt(100) < 95) {
                        if (age <= 10) {
                            school = "TH" + commune(commune);
                            level = "Tiểu học";
                        } else if (age <= 14) {
                            school = "CS" + commune(commune);
                            level = "THCS";
                        } else {
                            school = "PT" + commune(commune - commune % HIGH_SCHOOL_EVERY);
                            level = "THPT";
                        }
                    } else if (age >= 18 && age <= 21 && rnd.nextInt(100) < 10) {
                        school = "CD01";
                        level = "Cao đẳng";
                    } else if (age >= 22 && age <= 60) {
                        int r = rnd.nextInt(100);
                        if (r < 4) {
                            agency = rnd.nextInt(3) == 0 ? String.format("SO%02d", 1 + rnd.nextInt(DEPARTMENTS))
                                    : "UB" + commune(commune);
                        } else if (r < 16) {
                            enterprise = rnd.nextInt(4) == 0 ? String.format("HTX%02d", 1 + rnd.nextInt(COOPERATIVES))
                                    : String.format("DN%03d", 1 + rnd.nextInt(ENTERPRISES));
                        }
                    }
                    line.append(',').append(agency).append(',').append(school).append(',');
                    csv(line, level);
                    line.append(',').append(enterprise).append('\n');
                    w.append(line);
                    written++;
                }
            }
        }
        return households;
    }

    private static int householdSize(SplittableRandom rnd) {
        int r = rnd.nextInt(100);
        for (int i = 0; i < HOUSEHOLD_SIZE_PCT.length; i++) {
            r -= HOUSEHOLD_SIZE_PCT[i];
            if (r < 0) {
                return i + 1;
            }
        }
        return 1;
    }

    /** 12 digits: province 066, century/sex digit, two-digit year, six-digit serial (scrambled, unique). */
    private static String cccd(int year, boolean male, int[] serial) {
        int century = (year >= 2000 ? 2 : 0) + (male ? 0 : 1);
        int key = century * 100 + year % 100;
        int n = serial[key]++;
        if (n >= 1_000_000) {
            throw new IllegalStateException("more than a million persons of one sex born in " + year);
        }
        long s = ((long) n * 7919 + 123_457) % 1_000_000; // a bijection on 0..999999
        return String.format("066%d%02d%06d", century, year % 100, s);
    }

    static String kinhName(SplittableRandom rnd, boolean male, String family, int birthYear) {
        Weighted middles = male ? MALE_MIDDLE : FEMALE_MIDDLE;
        String middle = middles.pick(rnd);
        if (birthYear >= 2000 && (middle.equals("Văn") || middle.equals("Thị")) && rnd.nextBoolean()) {
            middle = middles.pick(rnd); // Văn/Thị are rarer among the young
        }
        String given = (male ? MALE_GIVEN : FEMALE_GIVEN).pick(rnd);
        StringBuilder sb = new StringBuilder(family).append(' ').append(middle);
        if (rnd.nextInt(100) < 15) { // two middle names: "Nguyễn Thị Thu Hà"
            String second = middles.pick(rnd);
            if (!second.equals(middle) && !second.equals("Văn") && !second.equals("Thị")) {
                sb.append(' ').append(second);
            }
        }
        return sb.append(' ').append(given).toString();
    }

    static String indigenousName(SplittableRandom rnd, boolean male, String clan) {
        return male ? "Y " + INDIGENOUS_GIVEN_M.pick(rnd) + " " + clan : "H'" + INDIGENOUS_GIVEN_F.pick(rnd) + " " + clan;
    }

    private static void csv(StringBuilder sb, String v) {
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0) {
            sb.append('"').append(v.replace("\"", "\"\"")).append('"');
        } else {
            sb.append(v);
        }
    }

    // ---- search queries ----

    enum QueryKind { FULL_NAME, FAMILY_MIDDLE, GIVEN_NAME, NO_MATCH }

    record Query(QueryKind kind, String text) {
    }

    private static final String[] NO_MATCH = {"qwxz", "nguyen van zzyx", "john smith", "tran thi qqq",
            "xyzzy", "le van wxq"};

    /** 40 % full names, 25 % family + middle name, 25 % given names alone, 10 % no match; all without diacritics. */
    static List<Query> queries(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Query> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int r = rnd.nextInt(100);
            boolean male = rnd.nextBoolean();
            if (r < 40) {
                String name = rnd.nextInt(100) < 85
                        ? kinhName(rnd, male, KINH_FAMILY.pick(rnd), 1950 + rnd.nextInt(70))
                        : indigenousName(rnd, male, CLAN.pick(rnd));
                out.add(new Query(QueryKind.FULL_NAME, VietnameseText.fold(name)));
            } else if (r < 65) {
                out.add(new Query(QueryKind.FAMILY_MIDDLE, VietnameseText.fold(KINH_FAMILY.pick(rnd) + " "
                        + (male ? MALE_MIDDLE : FEMALE_MIDDLE).pick(rnd))));
            } else if (r < 90) {
                out.add(new Query(QueryKind.GIVEN_NAME, VietnameseText.fold((male ? MALE_GIVEN : FEMALE_GIVEN).pick(rnd))));
            } else {
                out.add(new Query(QueryKind.NO_MATCH, NO_MATCH[rnd.nextInt(NO_MATCH.length)]));
            }
        }
        return out;
    }

    /** Values with weights, picked by binary search over the cumulative weights. */
    static final class Weighted {
        private final String[] values;
        private final double[] cumulative;

        Weighted(Object... pairs) {
            int n = pairs.length / 2;
            values = new String[n];
            cumulative = new double[n];
            double total = 0;
            for (int i = 0; i < n; i++) {
                values[i] = (String) pairs[2 * i];
                total += ((Number) pairs[2 * i + 1]).doubleValue();
                cumulative[i] = total;
            }
        }

        static Weighted zipf(double exponent, String... values) {
            Object[] pairs = new Object[values.length * 2];
            for (int i = 0; i < values.length; i++) {
                pairs[2 * i] = values[i];
                pairs[2 * i + 1] = 1.0 / Math.pow(i + 1, exponent);
            }
            return new Weighted(pairs);
        }

        String pick(SplittableRandom rnd) {
            double x = rnd.nextDouble() * cumulative[cumulative.length - 1];
            int lo = 0;
            int hi = cumulative.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] > x) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return values[lo];
        }
    }
}
