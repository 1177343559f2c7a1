package vn.binhdan.unit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.shared.Role;
import vn.binhdan.shared.VietnameseText;
import vn.binhdan.unit.internal.UnitRepository;

/** Units as users see and change them: every call is checked against the caller's scope. */
@Service
@Transactional(readOnly = true)
public class UnitService {

    /** Any role lets its holder see the units of its subtree. */
    static final List<Role> READERS = List.of(Role.values());
    static final List<Role> EDITORS = List.of(Role.PROVINCE_ADMIN, Role.SYSTEM_ADMIN);

    private final UnitRepository repo;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    public UnitService(UnitRepository repo, AuditLog audit, ApplicationEventPublisher events) {
        this.repo = repo;
        this.audit = audit;
        this.events = events;
    }

    public Unit get(long id) {
        Unit unit = repo.find(id).orElseThrow(() -> new NotFoundException("unit.notFound", id));
        if (!CurrentUser.require().canActOn(unit.path(), READERS)) {
            throw new ForbiddenException("unit.forbidden");
        }
        return unit;
    }

    public Unit getByCode(String code) {
        Unit unit = repo.findByCode(code).orElseThrow(() -> new NotFoundException("unit.codeNotFound", code));
        return get(unit.id());
    }

    public List<Unit> children(long id, boolean includeEnded) {
        get(id);
        return repo.children(id, includeEnded);
    }

    public List<Unit> subtree(long id) {
        return repo.subtree(get(id).path());
    }

    /** The units the user's grants are rooted at: where their tree browser starts. */
    public List<Unit> scopeRoots() {
        AppUser user = CurrentUser.require();
        if (user.has(Role.SYSTEM_ADMIN)) {
            return repo.roots();
        }
        List<Long> ids = user.grants().stream().map(g -> g.unitId()).distinct().toList();
        List<Unit> all = repo.findByIds(ids);
        // a grant inside another grant's subtree adds nothing to browse
        return all.stream().filter(u -> all.stream().noneMatch(o -> o != u && u.path().startsWith(o.path())
                && !u.path().equals(o.path()))).toList();
    }

    /** Ancestors the user may see, root first, for breadcrumbs. */
    public List<Unit> visibleAncestors(Unit unit) {
        AppUser user = CurrentUser.require();
        return repo.findByIds(unit.ancestorIds()).stream().filter(a -> user.canActOn(a.path(), READERS)).toList();
    }

    public List<UnitHistoryEntry> history(long id) {
        get(id);
        return repo.history(id);
    }

    @Transactional
    public Unit rename(long id, String newName, LocalDate effective) {
        Unit unit = requireEditable(id);
        String name = VietnameseText.clean(newName);
        if (name == null) {
            throw new BusinessException("unit.nameRequired");
        }
        if (effective == null || !effective.isAfter(unit.validFrom())) {
            throw new BusinessException("unit.effectiveDateInvalid", unit.validFrom());
        }
        repo.addHistory(unit, effective, "RENAMED", null, CurrentUser.require().username());
        repo.update(id, name, unit.type(), unit.typeLabel(), effective);
        audit.record("UPDATE", "UNIT", String.valueOf(id), unit.path(), "rename: " + unit.name() + " -> " + name);
        return repo.find(id).orElseThrow();
    }

    /**
     * Merges units into a successor from a date: the sources end (valid_to, successor kept as
     * history), their sub-units move under the successor, and listeners move their residents.
     */
    @Transactional
    public Unit merge(List<Long> sourceIds, long targetId, LocalDate effective) {
        Unit target = requireEditable(targetId);
        if (!target.active()) {
            throw new BusinessException("unit.targetEnded");
        }
        if (sourceIds == null || sourceIds.isEmpty()) {
            throw new BusinessException("unit.mergeNoSources");
        }
        List<Unit> sources = new ArrayList<>();
        for (Long sid : sourceIds) {
            Unit s = requireEditable(sid);
            if (s.id() == target.id() || target.path().startsWith(s.path())) {
                throw new BusinessException("unit.mergeIntoSelf", s.name());
            }
            if (!s.active()) {
                throw new BusinessException("unit.alreadyEnded", s.name());
            }
            if (effective == null || !effective.isAfter(s.validFrom())) {
                throw new BusinessException("unit.effectiveDateInvalid", s.validFrom());
            }
            sources.add(s);
        }
        String actor = CurrentUser.require().username();
        for (Unit s : sources) {
            for (Unit child : repo.children(s.id(), false)) {
                repo.addHistory(child, effective, "MOVED", "merge of " + s.code() + " into " + target.code(), actor);
                repo.move(child, repo.find(target.id()).orElseThrow());
            }
            repo.addHistory(s, effective, "MERGED", "into " + target.code(), actor);
            repo.end(s.id(), effective, target.id());
            audit.record("UPDATE", "UNIT", String.valueOf(s.id()), s.path(), "merged into " + target.code());
        }
        events.publishEvent(new UnitsMerged(sources.stream().map(Unit::id).toList(), target.id(), effective));
        return repo.find(target.id()).orElseThrow();
    }

    private Unit requireEditable(long id) {
        Unit unit = repo.find(id).orElseThrow(() -> new NotFoundException("unit.notFound", id));
        if (!CurrentUser.require().canActOn(unit.path(), EDITORS)) {
            throw new ForbiddenException("unit.forbidden");
        }
        return unit;
    }
}
