package vn.binhdan.emulation;

import java.time.LocalDate;
import java.util.List;

/**
 * Which communes under a unit held their year-end review: the dates the province set (held by
 * {@code holdBy}, reported by {@code reportBy}), and one line per commune, held or not.
 */
public record ReviewOverview(long unitId, String unitName, int year, LocalDate reportBy, LocalDate holdBy, int communes,
                             int held, List<Line> lines) {

    public record Line(long unitId, String unitName, boolean held, LocalDate heldOn, boolean late, boolean canRecord) {
    }
}
