package vn.binhdan.unit;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhdan.unit.internal.UnitRepository;

/**
 * Read access to units for other modules, which apply their own authorization to what they
 * return. Users reach units through {@link UnitService}, which checks their scope.
 */
@Service
@Transactional(readOnly = true)
public class Units {

    private final UnitRepository repo;

    public Units(UnitRepository repo) {
        this.repo = repo;
    }

    public Optional<Unit> find(long id) {
        return repo.find(id);
    }

    public Optional<Unit> findByCode(String code) {
        return repo.findByCode(code);
    }

    public List<Unit> findByCodes(Collection<String> codes) {
        return repo.findByCodes(codes);
    }

    public List<Unit> findByIds(Collection<Long> ids) {
        return repo.findByIds(ids);
    }

    public List<Unit> subtree(Unit root) {
        return repo.subtree(root.path());
    }

    public List<Unit> children(long id) {
        return repo.children(id, false);
    }

    public List<Unit> roots() {
        return repo.roots();
    }

    public long count() {
        return repo.count();
    }
}
