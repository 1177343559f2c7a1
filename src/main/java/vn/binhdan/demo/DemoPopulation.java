package vn.binhdan.demo;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import vn.binhdan.demo.DemoUnits.Commune;
import vn.binhdan.demo.DemoUnits.Organisation;
import vn.binhdan.demo.DemoUnits.Village;
import vn.binhdan.demo.VietnameseNames.Ethnicity;
import vn.binhdan.people.SchoolLevel;
import vn.binhdan.people.Sex;

/**
 * Generated residents living in households, with the memberships the target groups count:
 * civil servants by agency, pupils and students by school and level, workers by enterprise.
 * ID numbers follow the CCCD layout (province 066, century and sex digit, year of birth) but
 * are synthetic; phone numbers use real carrier prefixes with random subscriber digits.
 */
final class DemoPopulation {

    /** The learner account's person: a woman of the first household, the same in every demo. */
    static final String LEARNER_ID_NUMBER = "066185001234";
    static final String LEARNER_NAME = "Nguyễn Thị Lan";
    private static final LocalDate LEARNER_BIRTH = LocalDate.of(1985, 3, 15);

    record Resident(String fullName, LocalDate birthDate, Sex sex, String idNumber, Village village, Ethnicity ethnicity,
                    String disability, String phone, String householdCode, String agencyCode, Organisation school,
                    String enterpriseCode) {
    }

    /** A household member before memberships are decided. */
    private record Draft(String fullName, String family, LocalDate birthDate, Sex sex, String idNumber) {
        int year() {
            return birthDate.getYear();
        }
    }

    private static final int FIRST_YEAR = 1940;
    private static final int LAST_YEAR = 2019;
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final List<String> PHONE_PREFIXES = List.of("032", "033", "034", "035", "036", "037", "038",
            "039", "070", "076", "077", "078", "079", "081", "082", "083", "084", "085", "086", "088", "089", "090",
            "091", "093", "094", "096", "097", "098");
    private static final List<String> DISABILITIES = List.of("Khuyết tật vận động", "Khuyết tật nghe, nói",
            "Khuyết tật nhìn", "Khuyết tật trí tuệ", "Khuyết tật thần kinh, tâm thần", "Khuyết tật khác");

    private final DemoUnits units;
    private final Random r;
    private final LocalDate today;
    /** Pupils are placed by the school year (it starts in September), not by their exact age. */
    private final int schoolYear;
    private final Set<String> usedIds = new HashSet<>();
    private final Map<String, Integer> householdsByVillage = new HashMap<>();
    private final List<Resident> residents = new ArrayList<>();
    private final double[] cumulativeWeight;

    private DemoPopulation(DemoUnits units, LocalDate today, Random r) {
        this.units = units;
        this.r = r;
        this.today = today;
        this.schoolYear = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
        this.cumulativeWeight = new double[units.villages.size()];
        double sum = 0;
        for (int i = 0; i < cumulativeWeight.length; i++) {
            sum += units.villages.get(i).weight();
            cumulativeWeight[i] = sum;
        }
        usedIds.add(LEARNER_ID_NUMBER);
    }

    /**
     * @param learnerVillage where the learner's household lives; it is generated first so that
     *                       the learner is the same person whatever the population size
     */
    static DemoPopulation generate(DemoUnits units, int count, Village learnerVillage, LocalDate today, Random r) {
        DemoPopulation p = new DemoPopulation(units, today, r);
        Draft learner = new Draft(LEARNER_NAME, "Nguyễn", LEARNER_BIRTH, Sex.FEMALE, LEARNER_ID_NUMBER);
        p.household(learnerVillage, Ethnicity.KINH, count <= 6 ? count : 4, learner);
        while (p.residents.size() < count) {
            int remaining = count - p.residents.size();
            int size = 2 + r.nextInt(5);
            if (remaining <= 6) {
                size = remaining;
            } else if (remaining - size == 1) {
                // never leave a single person over for a household of one
                size = size == 6 ? 5 : size + 1;
            }
            Village village = p.randomVillage();
            p.household(village, p.ethnicityFor(village), size, null);
        }
        return p;
    }

    List<Resident> residents() {
        return residents;
    }

    /**
     * One file per commune, as each commune's officials keep and upload their own residents.
     * Vietnamese headers and dd/MM/yyyy dates, as in their spreadsheets.
     */
    Map<Commune, byte[]> csvByCommune() {
        Map<Commune, CsvWriter> files = new LinkedHashMap<>();
        for (Resident p : residents) {
            files.computeIfAbsent(p.village().commune(), c -> new CsvWriter("Họ và tên", "Ngày sinh", "Giới tính",
                    "Số CCCD", "Mã đơn vị", "Dân tộc", "Khuyết tật", "Số điện thoại", "Mã hộ", "Mã cơ quan",
                    "Mã trường", "Cấp học", "Mã doanh nghiệp"))
                    .row(p.fullName(), DMY.format(p.birthDate()), p.sex() == Sex.MALE ? "Nam" : "Nữ", p.idNumber(),
                            p.village().code(), p.ethnicity().label, p.disability(), p.phone(), p.householdCode(),
                            p.agencyCode(), p.school() == null ? null : p.school().code(),
                            p.school() == null ? null : levelLabel(p.school().level()), p.enterpriseCode());
        }
        Map<Commune, byte[]> out = new LinkedHashMap<>();
        for (Commune c : units.communes) {
            if (files.containsKey(c)) {
                out.put(c, files.get(c).bytes());
            }
        }
        return out;
    }

    private static String levelLabel(SchoolLevel level) {
        return switch (level) {
            case PRIMARY -> "Tiểu học";
            case LOWER_SECONDARY -> "THCS";
            case UPPER_SECONDARY -> "THPT";
            case VOCATIONAL -> "Giáo dục nghề nghiệp";
            case UNIVERSITY -> "Đại học";
        };
    }

    private Village randomVillage() {
        double x = r.nextDouble() * cumulativeWeight[cumulativeWeight.length - 1];
        int i = Arrays.binarySearch(cumulativeWeight, x);
        return units.villages.get(Math.min(i < 0 ? -i - 1 : i, cumulativeWeight.length - 1));
    }

    /** Buôn are Ê Đê villages; elsewhere on the plateau live Kinh and northern migrants; the coast is Kinh. */
    private Ethnicity ethnicityFor(Village v) {
        int x = r.nextInt(100);
        if (v.typeLabel().equals("buôn")) {
            return x < 75 ? Ethnicity.EDE : x < 85 ? Ethnicity.MNONG : x < 95 ? Ethnicity.GIA_RAI : Ethnicity.KINH;
        }
        if (v.commune().highland()) {
            return x < 80 ? Ethnicity.KINH : x < 88 ? Ethnicity.EDE : x < 92 ? Ethnicity.TAY : x < 95 ? Ethnicity.NUNG
                    : x < 97 ? Ethnicity.THAI : x < 99 ? Ethnicity.MUONG : Ethnicity.MNONG;
        }
        return x < 97 ? Ethnicity.KINH : x < 99 ? Ethnicity.EDE : Ethnicity.MUONG;
    }

    private void household(Village village, Ethnicity eth, int size, Draft pinnedHead) {
        List<Draft> members = new ArrayList<>();
        Draft head;
        if (pinnedHead != null) {
            head = pinnedHead;
        } else {
            // most registered household heads are men; young or old couples live alone, families need parents of age
            Sex sex = r.nextInt(100) < 70 ? Sex.MALE : Sex.FEMALE;
            head = draft(eth, sex, size >= 3 ? between(1950, 1993) : between(FIRST_YEAR, 2000),
                    VietnameseNames.family(eth, r));
        }
        members.add(head);
        Draft spouse = null;
        if (members.size() < size && r.nextInt(100) < (size == 2 ? 75 : 90)) {
            Sex sex = head.sex() == Sex.MALE ? Sex.FEMALE : Sex.MALE;
            int gap = between(0, 6);
            int year = clamp(head.year() + (head.sex() == Sex.MALE ? gap : -gap), FIRST_YEAR, 2001);
            spouse = draft(eth, sex, year, VietnameseNames.family(eth, r));
            members.add(spouse);
        }
        if (size - members.size() >= 2 && r.nextInt(100) < 30 && head.year() - 20 >= FIRST_YEAR) {
            Sex sex = r.nextBoolean() ? Sex.MALE : Sex.FEMALE;
            int year = Math.max(FIRST_YEAR, head.year() - between(20, 32));
            // the head's own parent: shares the head's family name along the line the group counts descent
            boolean sameLine = eth.matrilineal ? sex == Sex.FEMALE : sex == Sex.MALE;
            members.add(draft(eth, sex, year, sameLine ? head.family() : VietnameseNames.family(eth, r)));
        }
        Draft mother = head.sex() == Sex.FEMALE ? head : spouse;
        Draft father = head.sex() == Sex.MALE ? head : spouse;
        Draft lineParent = eth.matrilineal ? mother : father;
        String childFamily = lineParent != null ? lineParent.family() : head.family();
        int parentYear = mother != null ? mother.year() : head.year();
        while (members.size() < size) {
            int year = between(Math.min(parentYear + 19, LAST_YEAR), Math.min(parentYear + 40, LAST_YEAR));
            members.add(draft(eth, r.nextBoolean() ? Sex.MALE : Sex.FEMALE, year, childFamily));
        }
        int n = householdsByVillage.merge(village.code(), 1, Integer::sum);
        String code = "HK" + village.code() + "-" + n;
        for (Draft d : members) {
            residents.add(resident(d, d == pinnedHead, village, eth, code));
        }
    }

    private Draft draft(Ethnicity eth, Sex sex, int year, String family) {
        LocalDate birth = LocalDate.ofYearDay(year, 1 + r.nextInt(LocalDate.of(year, 1, 1).lengthOfYear()));
        return new Draft(VietnameseNames.fullName(eth, sex, year, family, r), family, birth, sex, null);
    }

    private Resident resident(Draft d, boolean pinned, Village village, Ethnicity eth, String household) {
        int age = Period.between(d.birthDate(), today).getYears();
        int schoolAge = schoolYear - d.year();
        Commune commune = village.commune();
        Organisation school = null;
        String agency = null;
        String enterprise = null;
        int x = r.nextInt(100);
        if (schoolAge >= 6 && schoolAge <= 10 && x < 97) {
            school = units.schoolFor(commune, SchoolLevel.PRIMARY);
        } else if (schoolAge >= 11 && schoolAge <= 14 && x < 92) {
            school = units.schoolFor(commune, SchoolLevel.LOWER_SECONDARY);
        } else if (schoolAge >= 15 && schoolAge <= 17 && x < 72) {
            school = units.schoolFor(commune, SchoolLevel.UPPER_SECONDARY);
        } else if (schoolAge >= 18 && schoolAge <= 22 && x < 25) {
            school = VietnameseNames.pick(units.provincialSchools, r);
        } else if (!pinned && age >= 22 && age <= 60 && r.nextInt(100) < 5) {
            agency = r.nextInt(100) < 75 ? units.officeByCommune.get(commune.code()).code()
                    : VietnameseNames.pick(units.departments, r).code();
        } else if (!pinned && age >= 18 && age <= 55 && r.nextInt(100) < 15) {
            List<Organisation> local = units.enterprisesByCommune.get(commune.code());
            enterprise = local.isEmpty() ? null : VietnameseNames.pick(local, r).code();
        }
        String disability = r.nextInt(1000) < (age >= 60 ? 40 : 12) ? VietnameseNames.pick(DISABILITIES, r) : null;
        String phone = age >= 18 && r.nextInt(100) < (age < 65 ? 90 : 60) ? phone() : null;
        String id = d.idNumber() != null ? d.idNumber() : idNumber(d.birthDate(), d.sex());
        return new Resident(d.fullName(), d.birthDate(), d.sex(), id, village, eth, disability, phone, household,
                agency, school, enterprise);
    }

    /** 066 (Đắk Lắk), a digit for century and sex (0/1: 1900s, 2/3: 2000s), the year's last two digits, six random digits. */
    private String idNumber(LocalDate birth, Sex sex) {
        int centurySex = (birth.getYear() >= 2000 ? 2 : 0) + (sex == Sex.FEMALE ? 1 : 0);
        String prefix = "066" + centurySex + String.format("%02d", birth.getYear() % 100);
        String id;
        do {
            id = prefix + String.format("%06d", r.nextInt(1_000_000));
        } while (!usedIds.add(id));
        return id;
    }

    private String phone() {
        return VietnameseNames.pick(PHONE_PREFIXES, r) + String.format("%07d", r.nextInt(10_000_000));
    }

    private int between(int from, int to) {
        return from + r.nextInt(to - from + 1);
    }

    private static int clamp(int v, int min, int max) {
        return Math.max(min, Math.min(max, v));
    }
}
