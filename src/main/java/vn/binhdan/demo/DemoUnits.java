package vn.binhdan.demo;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import vn.binhdan.people.SchoolLevel;

/**
 * What the demo adds below the official list — villages and organisations — kept as a model
 * so that residents can be placed consistently: a pupil at a school of the right level near
 * home, a worker at an enterprise that exists in their commune.
 */
final class DemoUnits {

    /**
     * @param index    position in the official list, which groups communes by their former district,
     *                 so that neighbours in the list are neighbours on the map
     * @param highland a commune of the plateau rather than of the former Phú Yên coast: Ê Đê
     *                 villages (buôn) and coffee instead of fishing
     */
    record Commune(int index, String code, String name, boolean ward, boolean highland) {

        String shortName() {
            return name.replaceFirst("^(Xã|Phường|Đặc khu) ", "");
        }
    }

    record Village(String code, String name, String typeLabel, Commune commune, double weight) {
    }

    /** A department, commune office, school, enterprise or cooperative; {@code level} only for schools. */
    record Organisation(String code, String name, String typeLabel, String parentCode, SchoolLevel level) {
    }

    record Province(String code, String name) {
    }

    // Former Đắk Lắk communes carry the statistics office's 24xxx codes, former Phú Yên ones 22xxx.
    // Of Phú Yên, the hill communes of the former Đồng Xuân, Sơn Hòa and Sông Hinh districts are
    // highland too: some carry Ê Đê names, the others are listed.
    private static final Pattern HIGHLAND_NAME = Pattern.compile(
            "^(Xã|Phường) (Ea|Ia|Cư|Krông|Buôn|Dray|Dur|Yang|Dliê|Cuôr|Pơng|Đắk|M’)( |[A-ZĐ]).*");
    private static final Set<String> PHU_YEN_HILLS = Set.of("Xã Đồng Xuân", "Xã Xuân Lãnh", "Xã Phú Mỡ",
            "Xã Xuân Phước", "Xã Sơn Hòa", "Xã Tây Sơn", "Xã Vân Hòa", "Xã Suối Trai", "Xã Sông Hinh", "Xã Đức Bình");

    private static final List<String> BUON_NAMES = List.of("Ea Kmar", "Kô Sir", "Kô Tam", "Ea Bông", "Alê A",
            "Ako Dhông", "Ea Sim", "Cuah", "Drai", "Tơng Jú", "Êga", "Kmrơng Prông", "Ea Nao", "Kroa", "Ea Mar",
            "Ea Tiêu", "Ea Bar", "Ky", "Mnang", "Juin", "Ea Tlá", "Đung", "Tuôr", "Trí", "Ea Kruê", "Cư Dluê",
            "Ea Drơng", "Jang Lành", "Ea Kung", "Hra Ea Hning");

    private static final List<Organisation> DEPARTMENTS = List.of(
            department("SKHCN", "Sở Khoa học và Công nghệ"),
            department("SNV", "Sở Nội vụ"),
            department("SGDDT", "Sở Giáo dục và Đào tạo"),
            department("SCT", "Sở Công Thương"),
            department("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch"),
            department("STC", "Sở Tài chính"),
            department("CA", "Công an tỉnh"));

    private static final Map<SchoolLevel, List<String>> SCHOOL_PATRONS = new EnumMap<>(Map.of(
            SchoolLevel.PRIMARY, List.of("Kim Đồng", "Lê Văn Tám", "Võ Thị Sáu", "Nguyễn Văn Trỗi", "Trần Quốc Toản",
                    "Hoàng Văn Thụ", "Lý Tự Trọng", "Nơ Trang Lơng", "Y Jút", "Ngô Gia Tự", "Bế Văn Đàn"),
            SchoolLevel.LOWER_SECONDARY, List.of("Lê Quý Đôn", "Nguyễn Du", "Chu Văn An", "Phan Chu Trinh",
                    "Nguyễn Trãi", "Trần Hưng Đạo", "Lương Thế Vinh", "Nguyễn Đình Chiểu", "Nguyễn Bỉnh Khiêm"),
            SchoolLevel.UPPER_SECONDARY, List.of("Nguyễn Huệ", "Lê Hồng Phong", "Trần Phú", "Phan Bội Châu",
                    "Quang Trung", "Hùng Vương", "Ngô Quyền", "Lê Lợi", "Nguyễn Tất Thành")));
    private static final Map<SchoolLevel, String> SCHOOL_PREFIX = new EnumMap<>(Map.of(
            SchoolLevel.PRIMARY, "Trường Tiểu học ",
            SchoolLevel.LOWER_SECONDARY, "Trường THCS ",
            SchoolLevel.UPPER_SECONDARY, "Trường THPT "));
    private static final Map<SchoolLevel, String> SCHOOL_CODE = new EnumMap<>(Map.of(
            SchoolLevel.PRIMARY, "TH",
            SchoolLevel.LOWER_SECONDARY, "THCS",
            SchoolLevel.UPPER_SECONDARY, "THPT"));
    private static final List<SchoolLevel> LOCAL_LEVELS = List.of(SchoolLevel.PRIMARY, SchoolLevel.LOWER_SECONDARY,
            SchoolLevel.UPPER_SECONDARY);

    private static final List<String> HIGHLAND_COMPANIES = List.of("Cà phê", "Nông sản", "Hồ tiêu", "Chế biến gỗ",
            "Sầu riêng", "Vật liệu xây dựng", "Cao su");
    private static final List<String> COASTAL_COMPANIES = List.of("Thủy sản", "Chế biến hải sản", "Du lịch",
            "Vật liệu xây dựng", "Mía đường", "Vận tải");
    private static final List<String> HIGHLAND_COOPERATIVES = List.of("Nông nghiệp", "Cà phê", "Dệt thổ cẩm",
            "Dịch vụ nông nghiệp", "Sầu riêng", "Mắc ca");
    private static final List<String> COASTAL_COOPERATIVES = List.of("Nông nghiệp", "Nuôi trồng thủy sản",
            "Dịch vụ nông nghiệp", "Muối", "Khai thác hải sản");

    final Province province;
    final List<Commune> communes;
    final List<Village> villages = new ArrayList<>();
    final List<Organisation> departments = DEPARTMENTS;
    /** Universities and vocational colleges, attached to the province: they take students from everywhere. */
    final List<Organisation> provincialSchools;
    final Map<String, List<Village>> villagesByCommune = new LinkedHashMap<>();
    final Map<String, Organisation> officeByCommune = new LinkedHashMap<>();
    final Map<String, Map<SchoolLevel, Organisation>> schoolsByCommune = new LinkedHashMap<>();
    final Map<String, List<Organisation>> enterprisesByCommune = new LinkedHashMap<>();

    private DemoUnits(Province province, List<Commune> communes) {
        this.province = province;
        this.communes = List.copyOf(communes);
        this.provincialSchools = List.of(
                new Organisation(province.code() + ".DHTN", "Trường Đại học Tây Nguyên", "trường", province.code(),
                        SchoolLevel.UNIVERSITY),
                new Organisation(province.code() + ".DHPY", "Trường Đại học Phú Yên", "trường", province.code(),
                        SchoolLevel.UNIVERSITY),
                new Organisation(province.code() + ".CDDL", "Trường Cao đẳng Đắk Lắk", "trường", province.code(),
                        SchoolLevel.VOCATIONAL),
                new Organisation(province.code() + ".CDPY", "Trường Cao đẳng Phú Yên", "trường", province.code(),
                        SchoolLevel.VOCATIONAL));
    }

    private static Organisation department(String suffix, String name) {
        return new Organisation("66." + suffix, name, "sở", "66", null);
    }

    /** Reads the official list (province row, then its communes and wards) shipped with the demo. */
    static DemoUnits plan(byte[] officialCsv, Random r) {
        Province province = null;
        List<Commune> communes = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(officialCsv),
                StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f[3].isEmpty()) {
                    province = new Province(f[0], f[1]);
                } else {
                    boolean ward = f[2].equals("phường");
                    boolean highland = f[0].startsWith("24") || HIGHLAND_NAME.matcher(f[1]).matches()
                            || PHU_YEN_HILLS.contains(f[1]);
                    communes.add(new Commune(communes.size(), f[0], f[1], ward, highland));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (province == null || !province.code().equals("66")) {
            throw new IllegalStateException("the demo unit list must start with the province 66");
        }
        DemoUnits plan = new DemoUnits(province, communes);
        communes.forEach(c -> plan.generate(c, r));
        return plan;
    }

    private void generate(Commune c, Random r) {
        List<Village> own = new ArrayList<>();
        int count = 4 + r.nextInt(5);
        int buon;
        if (c.ward()) {
            // wards of the plateau towns still contain old Ê Đê villages, such as Buôn Ako Dhông in Buôn Ma Thuột
            buon = c.highland() && r.nextBoolean() ? 1 : 0;
        } else {
            buon = c.highland() ? 1 + r.nextInt(3) : 0;
        }
        List<String> buonNames = new ArrayList<>(BUON_NAMES);
        Collections.shuffle(buonNames, r);
        for (int i = 1; i <= count; i++) {
            String code = c.code() + "." + String.format("%02d", i);
            int numbered = count - buon;
            String name;
            String type;
            double weight;
            if (i <= numbered) {
                name = (c.ward() ? "Tổ dân phố " : "Thôn ") + i;
                type = c.ward() ? "tổ dân phố" : "thôn";
                weight = c.ward() ? 1.6 : 1.0;
            } else {
                name = "Buôn " + buonNames.get(i - numbered - 1);
                type = "buôn";
                weight = 0.8;
            }
            own.add(new Village(code, name, type, c, weight * (0.6 + 0.8 * r.nextDouble())));
        }
        villages.addAll(own);
        villagesByCommune.put(c.code(), List.copyOf(own));

        String officeType = c.ward() ? "ubnd phường" : "ubnd xã";
        officeByCommune.put(c.code(), new Organisation(c.code() + ".UBND",
                (c.ward() ? "UBND phường " : "UBND xã ") + c.shortName(), officeType, c.code(), null));

        // every commune has a primary school; lower and upper secondary schools serve several rural
        // communes, while a town ward has at least a lower secondary school of its own
        Map<SchoolLevel, Organisation> schools = new EnumMap<>(SchoolLevel.class);
        int levels = c.ward() ? 2 + r.nextInt(2) : 1 + r.nextInt(3);
        for (SchoolLevel level : LOCAL_LEVELS.subList(0, levels)) {
            String patron = r.nextBoolean() ? c.shortName() : VietnameseNames.pick(SCHOOL_PATRONS.get(level), r);
            schools.put(level, new Organisation(c.code() + "." + SCHOOL_CODE.get(level),
                    SCHOOL_PREFIX.get(level) + patron, "trường", c.code(), level));
        }
        schoolsByCommune.put(c.code(), schools);

        List<Organisation> enterprises = new ArrayList<>();
        // distinct trades, so that two organisations of one commune never share a name
        List<String> cooperativeTrades = new ArrayList<>(c.highland() ? HIGHLAND_COOPERATIVES : COASTAL_COOPERATIVES);
        List<String> companyTrades = new ArrayList<>(c.highland() ? HIGHLAND_COMPANIES : COASTAL_COMPANIES);
        Collections.shuffle(cooperativeTrades, r);
        Collections.shuffle(companyTrades, r);
        int n = r.nextInt(3);
        for (int i = 1; i <= n; i++) {
            boolean cooperative = r.nextBoolean();
            if (cooperative) {
                String trade = cooperativeTrades.removeFirst();
                enterprises.add(new Organisation(c.code() + ".HTX" + i, "Hợp tác xã " + trade + " " + c.shortName(),
                        "hợp tác xã", c.code(), null));
            } else {
                String trade = companyTrades.removeFirst();
                String form = r.nextBoolean() ? "Công ty TNHH " : "Công ty Cổ phần ";
                enterprises.add(new Organisation(c.code() + ".DN" + i, form + trade + " " + c.shortName(),
                        "doanh nghiệp", c.code(), null));
            }
        }
        enterprisesByCommune.put(c.code(), List.copyOf(enterprises));
    }

    /** The school of that level in the commune, else in the nearest commune (by list order) that has one. */
    Organisation schoolFor(Commune c, SchoolLevel level) {
        for (int d = 0; d < communes.size(); d++) {
            for (int i : new int[]{c.index() - d, c.index() + d}) {
                if (i >= 0 && i < communes.size()) {
                    Organisation s = schoolsByCommune.get(communes.get(i).code()).get(level);
                    if (s != null) {
                        return s;
                    }
                }
            }
        }
        throw new IllegalStateException("no " + level + " school in the demo province");
    }

    Optional<Commune> communeNamed(String name) {
        return communes.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    List<Organisation> organisations() {
        List<Organisation> all = new ArrayList<>(departments);
        all.addAll(provincialSchools);
        for (Commune c : communes) {
            all.add(officeByCommune.get(c.code()));
            all.addAll(schoolsByCommune.get(c.code()).values());
            all.addAll(enterprisesByCommune.get(c.code()));
        }
        return all;
    }

    /** Villages and organisations in the import's own format, as an official would prepare them. */
    byte[] csv() {
        CsvWriter csv = new CsvWriter("code", "name", "type", "parent_code");
        for (Village v : villages) {
            csv.row(v.code(), v.name(), v.typeLabel(), v.commune().code());
        }
        for (Organisation o : organisations()) {
            csv.row(o.code(), o.name(), o.typeLabel(), o.parentCode());
        }
        return csv.bytes();
    }
}
