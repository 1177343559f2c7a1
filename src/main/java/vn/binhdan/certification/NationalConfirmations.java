package vn.binhdan.certification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhdan.certification.internal.ConfirmedRepository;
import vn.binhdan.people.TargetGroup;

/**
 * What the platform itself knows of confirmations on the national side: its own certificates the
 * VNeID confirmation endpoint acknowledged, and confirmations elsewhere declared to it. A lower
 * bound the dashboards set beside a unit's reported figure; callers check scope.
 */
@Service
@Transactional(readOnly = true)
public class NationalConfirmations {

    private final ConfirmedRepository repo;

    NationalConfirmations(ConfirmedRepository repo) {
        this.repo = repo;
    }

    /** For each unit path given, the persons of the group confirmed within its subtree (all under {@code rootPath}). */
    public Map<String, Long> confirmed(String rootPath, TargetGroup group, List<String> unitPaths) {
        Map<String, Long> out = new HashMap<>();
        unitPaths.forEach(p -> out.put(p, 0L));
        repo.confirmed(rootPath, group.name(), (path, n) -> {
            for (String p : unitPaths) {
                if (path.startsWith(p)) {
                    out.merge(p, n, Long::sum);
                }
            }
        });
        return out;
    }
}
