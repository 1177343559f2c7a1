package vn.binhdan.community;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.certification.Certificates;
import vn.binhdan.community.internal.FamilyRepository;
import vn.binhdan.people.PersonDirectory;
import vn.binhdan.people.PersonDirectory.HouseholdMember;
import vn.binhdan.people.PersonDirectory.PersonRef;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.ConflictException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.Units;

/**
 * Digital families ("Gia đình số"): a household at least one of whose certified members guides
 * the others. Certification is read from the certificates; the guiding is what a team member or
 * officer saw and declared, with the date, since nothing else can know it.
 */
@Service
@Transactional(readOnly = true)
public class Families {

    static final int MAX_CANDIDATES = 100;

    private final FamilyRepository repo;
    private final PersonDirectory persons;
    private final Certificates certificates;
    private final Units units;
    private final AuditLog audit;
    private final Clock clock;

    public Families(FamilyRepository repo, PersonDirectory persons, Certificates certificates, Units units,
                    AuditLog audit, Clock clock) {
        this.repo = repo;
        this.persons = persons;
        this.certificates = certificates;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    /** The units the user may list families for: the roots of their scope. */
    public List<Unit> scopeUnits() {
        AppUser user = requireField();
        if (user.has(vn.binhdan.shared.Role.SYSTEM_ADMIN)) {
            return units.roots();
        }
        return units.findByIds(user.grants().stream().filter(g -> Ambassadors.FIELD.contains(g.role()))
                .map(g -> g.unitId()).distinct().toList());
    }

    public FamilyList list(Long unitId) {
        AppUser user = requireField();
        Unit unit = unit(unitId, user);
        List<DigitalFamily> families = new ArrayList<>();
        var rows = repo.within(unit.path());
        Set<Long> certified = certificates.certifiedAmong(rows.stream().map(FamilyRepository.FamilyRow::guideId).toList());
        for (var r : rows) {
            families.add(new DigitalFamily(r.householdId(), r.householdCode(), r.guideId(), r.guideName(), r.unitName(),
                    r.declaredOn(), r.declaredBy(), certified.contains(r.guideId())));
        }
        Set<Long> declared = new java.util.HashSet<>();
        rows.forEach(r -> declared.add(r.householdId()));
        Map<Long, List<HouseholdMember>> households = new LinkedHashMap<>();
        for (HouseholdMember m : persons.householdMembersWithin(unit.path())) {
            if (!declared.contains(m.householdId())) {
                households.computeIfAbsent(m.householdId(), k -> new ArrayList<>()).add(m);
            }
        }
        Set<Long> certifiedMembers = certificates.certifiedAmong(households.values().stream().flatMap(List::stream)
                .map(HouseholdMember::personId).toList());
        List<FamilyCandidate> candidates = new ArrayList<>();
        for (List<HouseholdMember> members : households.values()) {
            List<FamilyCandidate.Member> ready = members.stream().filter(m -> certifiedMembers.contains(m.personId()))
                    .map(m -> new FamilyCandidate.Member(m.personId(), m.fullName())).toList();
            // one person alone has nobody to guide
            if (!ready.isEmpty() && members.size() > 1 && candidates.size() < MAX_CANDIDATES) {
                candidates.add(new FamilyCandidate(members.getFirst().householdId(), members.getFirst().householdCode(),
                        members.size(), ready));
            }
        }
        int count = (int) families.stream().filter(DigitalFamily::certified).count();
        audit.listed("digital-families", "unit " + unit.id(), unit.path(), AuditLog.query("unitId", unitId),
                families.size() + candidates.stream().mapToInt(c -> c.certifiedMembers().size()).sum());
        return new FamilyList(unit.id(), unit.name(), repo.households(unit.path()), count, families, candidates);
    }

    /** Declares the guide's household a digital family: the guide is a certified member who guides the others. */
    @Transactional
    public DigitalFamily declare(Long guideId, LocalDate declaredOn) {
        AppUser user = requireField();
        if (guideId == null) {
            throw new BusinessException("cascade.personRequired");
        }
        PersonRef guide = persons.find(guideId).orElseThrow(() -> new NotFoundException("cascade.personNotFound"));
        if (!user.canActOn(guide.residenceUnitPath(), Ambassadors.FIELD)) {
            throw new ForbiddenException("cascade.forbidden");
        }
        HouseholdMember member = persons.householdMemberOf(guideId)
                .orElseThrow(() -> new BusinessException("family.noHousehold", guide.fullName()));
        if (certificates.certifiedAmong(List.of(guideId)).isEmpty()) {
            throw new BusinessException("family.notCertified", guide.fullName());
        }
        if (repo.declared(member.householdId())) {
            throw new ConflictException("family.already", member.householdCode());
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate on = declaredOn == null ? today : declaredOn;
        if (on.isAfter(today)) {
            throw new BusinessException("cascade.futureDate");
        }
        repo.insert(member.householdId(), guideId, on, user.username(), clock.instant());
        audit.record("DECLARE", "digital-family", member.householdCode(), guide.residenceUnitPath(),
                guide.fullName() + " hướng dẫn các thành viên hộ " + member.householdCode());
        return new DigitalFamily(member.householdId(), member.householdCode(), guideId, guide.fullName(), null, on,
                user.username(), true);
    }

    private Unit unit(Long unitId, AppUser user) {
        Unit unit;
        if (unitId == null) {
            unit = scopeUnits().stream().findFirst().orElseThrow(() -> new ForbiddenException("cascade.forbidden"));
        } else {
            unit = units.find(unitId).orElseThrow(() -> new NotFoundException("cascade.unitNotFound"));
        }
        if (!user.canActOn(unit.path(), Ambassadors.FIELD)) {
            throw new ForbiddenException("cascade.forbidden");
        }
        return unit;
    }

    static AppUser requireField() {
        AppUser user = CurrentUser.require();
        if (Ambassadors.FIELD.stream().noneMatch(user::has) && !user.has(vn.binhdan.shared.Role.SYSTEM_ADMIN)) {
            throw new ForbiddenException("cascade.forbidden");
        }
        return user;
    }
}
