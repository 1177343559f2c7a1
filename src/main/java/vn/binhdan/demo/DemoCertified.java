package vn.binhdan.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import vn.binhdan.campaign.Indicators;
import vn.binhdan.campaign.TargetForm;
import vn.binhdan.people.TargetGroup;

/**
 * A year of progress for the demo: people already confirmed (declared from a list, the way a
 * commune declares confirmations made on the national MOOC), unevenly by group and commune so
 * the ranking has something to rank, and the Đắk Lắk 2026 targets of its plan.
 */
final class DemoCertified {

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private DemoCertified() {
    }

    static byte[] csv(List<DemoPopulation.Resident> residents, LocalDate today, Random r) {
        StringBuilder out = new StringBuilder("Số CCCD,Nhóm đối tượng,Ngày xác nhận,Nguồn\n");
        LocalDate start = LocalDate.of(today.getYear(), 1, 1);
        int days = (int) Math.max(1, today.toEpochDay() - start.toEpochDay());
        for (DemoPopulation.Resident p : residents) {
            if (p.idNumber() == null || p.idNumber().isBlank()) {
                continue;
            }
            // communes move at different paces: some far ahead, some far behind
            double pace = 0.4 + 0.8 * ((p.village().code().hashCode() & 0x7fffffff) % 100) / 100.0;
            boolean adult = !p.birthDate().isAfter(today.minusYears(18));
            add(out, r, p, adult, TargetGroup.ADULT, 0.30 * pace, start, days);
            add(out, r, p, p.agencyCode() != null, TargetGroup.CIVIL_SERVANT, 0.55 * pace, start, days);
            add(out, r, p, p.school() != null, TargetGroup.STUDENT, 0.40 * pace, start, days);
            add(out, r, p, p.enterpriseCode() != null, TargetGroup.WORKER, 0.35 * pace, start, days);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void add(StringBuilder out, Random r, DemoPopulation.Resident p, boolean member, TargetGroup g,
                            double chance, LocalDate start, int days) {
        if (member && r.nextDouble() < chance) {
            // later months busier than January, as campaigns gather pace
            int day = (int) (days * Math.sqrt(r.nextDouble()));
            out.append(p.idNumber()).append(',').append(g.name()).append(',').append(DMY.format(start.plusDays(day)))
                    .append(",Nền tảng MOOC Bình dân học vụ số\n");
        }
    }

    static void setTargets(Indicators indicators, long provinceId, int year) {
        for (TargetGroup g : TargetGroup.values()) {
            indicators.setTarget("CERTIFIED_SHARE", new TargetForm(provinceId, g.name(), year, BigDecimal.valueOf(100), null));
        }
        indicators.setTarget("VNEID_CONFIRMED_SHARE", new TargetForm(provinceId, "ADULT", year, BigDecimal.valueOf(80), null));
        indicators.setTarget("DIGITAL_SIGNATURE_SHARE", new TargetForm(provinceId, "CIVIL_SERVANT", year, BigDecimal.valueOf(100), null));
        indicators.setTarget("DIGITAL_SIGNATURE_SHARE", new TargetForm(provinceId, "ADULT", year, BigDecimal.valueOf(30), null));
        indicators.setTarget("MOOC_SELF_STUDY_SHARE", new TargetForm(provinceId, "CIVIL_SERVANT", year, BigDecimal.valueOf(80), null));
        indicators.setTarget("CLASSES_HELD", new TargetForm(provinceId, "ALL", year, BigDecimal.valueOf(5), LocalDate.of(year, 6, 30)));
        indicators.setTarget("GUIDANCE_SESSIONS", new TargetForm(provinceId, "ALL", year, BigDecimal.valueOf(10), null));
        indicators.setTarget("OUTREACH_POSTS", new TargetForm(provinceId, "ALL", year, BigDecimal.valueOf(10), null));
        indicators.setTarget("VISUAL_OUTREACH", new TargetForm(provinceId, "ALL", year, BigDecimal.valueOf(10), null));
        indicators.setTarget("MODEL_CITIZENS", new TargetForm(provinceId, "ALL", year, BigDecimal.valueOf(2), null));
        indicators.setTarget("MODEL_VILLAGES", new TargetForm(provinceId, "ALL", year, BigDecimal.valueOf(1), null));
    }
}
