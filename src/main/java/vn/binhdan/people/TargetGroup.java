package vn.binhdan.people;

/** The four target groups of the movement. A person can belong to several. */
public enum TargetGroup {
    /** cán bộ, công chức, viên chức, người lao động trong cơ quan nhà nước — by agency */
    CIVIL_SERVANT,
    /** học sinh, sinh viên — by school and level */
    STUDENT,
    /** người lao động trong doanh nghiệp, hợp tác xã — by enterprise */
    WORKER,
    /** người dân trong độ tuổi trưởng thành — derived from age, never stored */
    ADULT;

    /** Groups as stored in a text column: enum names, sorted, comma-separated. */
    public static String codes(java.util.Collection<TargetGroup> groups) {
        return groups.stream().sorted().map(Enum::name).collect(java.util.stream.Collectors.joining(","));
    }

    public static java.util.Set<TargetGroup> fromCodes(String codes) {
        java.util.EnumSet<TargetGroup> set = java.util.EnumSet.noneOf(TargetGroup.class);
        if (codes != null) {
            for (String c : codes.split(",")) {
                if (!c.isBlank()) {
                    set.add(valueOf(c.trim()));
                }
            }
        }
        return set;
    }
}
