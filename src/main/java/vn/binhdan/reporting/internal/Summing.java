package vn.binhdan.reporting.internal;

import java.util.Collection;
import vn.binhdan.reporting.Figure;

/**
 * Adding up the figures of several units. Counts, numerators and denominators are summed and a
 * share is worked out again from the sums: the average of 30/100 and 10/20 is 40%, the share of
 * the province is 40/120, 33.3%. A unit without the figure adds nothing (not a zero); for a share
 * it counts only with both its numerator and denominator, so the two sums cover the same units.
 */
public final class Summing {

    private Summing() {
    }

    public static Figure sum(String indicatorCode, String group, boolean share, Collection<Figure> parts) {
        long numerator = 0;
        long denominator = 0;
        boolean any = false;
        for (Figure f : parts) {
            if (f == null || f.numerator() == null || (share && f.denominator() == null)) {
                continue;
            }
            numerator += f.numerator();
            if (share) {
                denominator += f.denominator();
            }
            any = true;
        }
        if (!any) {
            return Figure.of(indicatorCode, group, null, null, null, null, null, null);
        }
        return Figure.of(indicatorCode, group, numerator, Figure.Source.CONSOLIDATED, share ? denominator : null,
                Figure.Source.CONSOLIDATED, null, null);
    }
}
