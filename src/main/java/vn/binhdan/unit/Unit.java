package vn.binhdan.unit;

import java.time.LocalDate;

public record Unit(long id, String code, String name, UnitType type, String typeLabel, Long parentId,
                   String path, int depth, LocalDate validFrom, LocalDate validTo, Long successorId) {

    public boolean active() {
        return validTo == null;
    }

    public boolean isWithin(Unit ancestor) {
        return path.startsWith(ancestor.path);
    }

    /** Ids of this unit's ancestors, root first, read off the path. */
    public java.util.List<Long> ancestorIds() {
        return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf)
                .filter(id -> id != this.id).toList();
    }
}
