package vn.binhdan.people;

import java.util.Optional;
import vn.binhdan.shared.VietnameseText;

public enum SchoolLevel {
    PRIMARY("tieu hoc", "th", "cap 1"),
    LOWER_SECONDARY("trung hoc co so", "thcs", "cap 2"),
    UPPER_SECONDARY("trung hoc pho thong", "thpt", "cap 3"),
    VOCATIONAL("giao duc nghe nghiep", "nghe", "trung cap", "cao dang", "gdnn"),
    UNIVERSITY("dai hoc", "dh", "sinh vien");

    private final String[] aliases;

    SchoolLevel(String... aliases) {
        this.aliases = aliases;
    }

    public static Optional<SchoolLevel> parse(String text) {
        String f = VietnameseText.fold(text).replace('_', ' ');
        for (SchoolLevel l : values()) {
            if (l.name().equalsIgnoreCase(f.replace(' ', '_'))) {
                return Optional.of(l);
            }
            for (String a : l.aliases) {
                if (a.equals(f)) {
                    return Optional.of(l);
                }
            }
        }
        return Optional.empty();
    }
}
