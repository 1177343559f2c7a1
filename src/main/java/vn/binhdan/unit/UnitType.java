package vn.binhdan.unit;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.binhdan.shared.VietnameseText;

/** Kinds of unit. Administrative ones hold residents; organisations hold members of target groups. */
public enum UnitType {
    PROVINCE(true, "tỉnh", "thành phố trung ương"),
    DISTRICT(true, "huyện", "quận", "thị xã", "thành phố thuộc tỉnh"),
    COMMUNE(true, "xã"),
    WARD(true, "phường", "thị trấn"),
    SPECIAL_ZONE(true, "đặc khu"),
    VILLAGE(true, "thôn", "ấp", "khóm", "buôn", "bản", "tổ dân phố", "làng", "xóm", "khu phố", "tổ", "khu", "plei", "sóc"),
    DEPARTMENT(false, "sở", "ban", "ngành", "sở, ban, ngành"),
    AGENCY(false, "cơ quan", "đơn vị sự nghiệp"),
    COMMUNE_OFFICE(false, "ubnd xã", "ubnd phường", "ủy ban nhân dân", "văn phòng xã"),
    SCHOOL(false, "trường", "trường học", "đại học", "cao đẳng"),
    ENTERPRISE(false, "doanh nghiệp", "công ty"),
    COOPERATIVE(false, "hợp tác xã", "liên hiệp hợp tác xã", "htx");

    private final boolean administrative;
    private final String[] labels;

    UnitType(boolean administrative, String... labels) {
        this.administrative = administrative;
        this.labels = labels;
    }

    public boolean administrative() {
        return administrative;
    }

    /** Target groups whose members an organisation of this type employs or teaches. */
    public boolean isWorkplaceForCivilServants() {
        return this == DEPARTMENT || this == AGENCY || this == COMMUNE_OFFICE;
    }

    public boolean isEnterprise() {
        return this == ENTERPRISE || this == COOPERATIVE;
    }

    private static final Map<String, UnitType> BY_LABEL = Stream.of(values())
            .flatMap(t -> Stream.concat(Stream.of(t.name()), Stream.of(t.labels))
                    .map(l -> Map.entry(VietnameseText.fold(l).replace('_', ' '), t)))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));

    /** Accepts the enum name or a Vietnamese label, with or without diacritics ("Xã", "buon"). */
    public static Optional<UnitType> parse(String label) {
        if (label == null || label.isBlank()) {
            return Optional.empty();
        }
        String key = VietnameseText.fold(label).replace('_', ' ').toLowerCase(Locale.ROOT);
        return Optional.ofNullable(BY_LABEL.get(key));
    }
}
