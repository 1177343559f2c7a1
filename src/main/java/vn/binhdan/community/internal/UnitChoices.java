package vn.binhdan.community.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.binhdan.shared.AppUser;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.Units;

/** The active units a user may record community work for, for the forms' pick lists. */
@Component
public class UnitChoices {

    /** A province's communes and villages fit; a pick list longer than this helps nobody. */
    private static final int MAX = 3000;

    private final Units units;

    public UnitChoices(Units units) {
        this.units = units;
    }

    @Transactional(readOnly = true)
    public List<Unit> of(AppUser user, Predicate<Unit> fits) {
        List<Unit> roots = user.scopePaths(Access.MANAGERS).contains("/") ? units.roots()
                : units.findByIds(user.grants().stream().filter(g -> Access.MANAGERS.contains(g.role()))
                .map(g -> g.unitId()).distinct().toList());
        Map<Long, Unit> out = new LinkedHashMap<>();
        for (Unit root : roots) {
            for (Unit u : units.subtree(root)) {
                if (out.size() >= MAX) {
                    return new ArrayList<>(out.values());
                }
                if (u.active() && fits.test(u)) {
                    out.putIfAbsent(u.id(), u);
                }
            }
        }
        return new ArrayList<>(out.values());
    }
}
