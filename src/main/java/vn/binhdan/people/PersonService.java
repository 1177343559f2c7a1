package vn.binhdan.people;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.people.internal.DataHash;
import vn.binhdan.people.internal.PersonRepository;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.shared.Role;
import vn.binhdan.shared.TooManyRequestsException;
import vn.binhdan.shared.VietnameseText;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.Units;
import vn.binhdan.unit.UnitsMerged;
import vn.binhdan.shared.TextLimits;

/**
 * The registry as users reach it. Reading a person is allowed to the person and to officers
 * whose subtree holds the person's residence or one of their organisations; every such read by
 * someone else is audited.
 */
@Service
@Transactional(readOnly = true)
public class PersonService {

    public static final List<Role> READERS = List.of(Role.TEAM_MEMBER, Role.COMMUNE_OFFICER, Role.AGENCY_OFFICER,
            Role.PROVINCE_ADMIN, Role.SYSTEM_ADMIN);
    public static final List<Role> EDITORS = List.of(Role.COMMUNE_OFFICER, Role.PROVINCE_ADMIN, Role.SYSTEM_ADMIN);

    private final PersonRepository repo;
    private final Units units;
    private final NationalIds ids;
    private final AuditLog audit;
    private final PeopleProperties props;
    private final Clock clock;

    public PersonService(PersonRepository repo, Units units, NationalIds ids, AuditLog audit, PeopleProperties props,
                         Clock clock) {
        this.repo = repo;
        this.units = units;
        this.ids = ids;
        this.audit = audit;
        this.props = props;
        this.clock = clock;
    }

    /** Diacritic-insensitive: "nguyen van an" finds "Nguyễn Văn An". */
    public List<PersonSummary> search(String query, Long withinUnitId, int limit) {
        AppUser user = CurrentUser.require();
        List<String> scopes = user.scopePaths(READERS);
        if (scopes.isEmpty()) {
            throw new ForbiddenException("person.forbidden");
        }
        String within = null;
        if (withinUnitId != null) {
            Unit unit = units.find(withinUnitId).orElseThrow(() -> new NotFoundException("unit.notFound", withinUnitId));
            if (!user.canActOn(unit.path(), READERS)) {
                throw new ForbiddenException("unit.forbidden");
            }
            within = unit.path();
        }
        String folded = VietnameseText.fold(query);
        if (folded.length() < 2 && within == null) {
            throw new BusinessException("person.search.tooShort");
        }
        List<PersonSummary> found = repo.search(folded, scopes, within, Math.max(1, Math.min(limit, 200)));
        audit.listed("person-search", withinUnitId == null ? null : "unit " + withinUnitId,
                within != null ? within : scopes.getFirst(), AuditLog.query("q", query, "unitId", withinUnitId, "limit", limit),
                found.size());
        return found;
    }

    @Transactional
    public Person get(long id) {
        Person person = repo.find(id, adultCut()).orElseThrow(() -> new NotFoundException("person.notFound", id));
        AppUser user = CurrentUser.require();
        boolean self = person.id() == (user.personId() == null ? -1 : user.personId());
        if (!self && !canRead(user, person)) {
            throw new ForbiddenException("person.forbidden");
        }
        if (!self) {
            audit.record("READ", "PERSON", String.valueOf(id), person.residenceUnitPath(), null);
        }
        return person;
    }

    @Transactional
    public Person create(PersonForm form) {
        Valid v = validate(form, true);
        AppUser user = CurrentUser.require();
        if (!user.canActOn(v.unit.path(), EDITORS)) {
            throw new ForbiddenException("person.forbiddenUnit", v.unit.name());
        }
        String hash = ids.hash(v.idNumber);
        if (repo.idByHash(hash).isPresent()) {
            refuseExistingId(v.unit.path());
        }
        Long household = household(form.householdCode(), v.unit);
        long id = repo.insert(v.name, VietnameseText.fold(v.name), form.birthDate(), form.sex(),
                VietnameseText.clean(form.ethnicity()), VietnameseText.clean(form.disability()), v.phone, hash,
                v.idNumber.substring(9), v.unit.id(), household, dataHash(form, v, List.of()));
        audit.record("CREATE", "PERSON", String.valueOf(id), v.unit.path(), null);
        return repo.find(id, adultCut()).orElseThrow();
    }

    /** At most this many "already registered" answers an hour per user: each one tells that an ID number is taken. */
    static final int ID_EXISTS_PER_HOUR = 10;

    /**
     * An ID number already in the registry: says so without saying where or whose, and keeps
     * count, because trying numbers one by one would otherwise tell who is registered.
     */
    private void refuseExistingId(String unitPath) {
        if (audit.countMine("ID_EXISTS", Instant.now().minus(java.time.Duration.ofHours(1))) >= ID_EXISTS_PER_HOUR) {
            audit.recordApart("ID_EXISTS_LIMIT", "PERSON", null, unitPath, null);
            throw new TooManyRequestsException("person.id.tooManyExisting");
        }
        audit.recordApart("ID_EXISTS", "PERSON", null, unitPath, null);
        throw new BusinessException("person.id.exists");
    }

    @Transactional
    public Person update(long id, PersonForm form) {
        Person before = repo.find(id, adultCut()).orElseThrow(() -> new NotFoundException("person.notFound", id));
        AppUser user = CurrentUser.require();
        if (!user.canActOn(before.residenceUnitPath(), EDITORS)) {
            throw new ForbiddenException("person.forbidden");
        }
        Valid v = validate(form, false);
        if (!user.canActOn(v.unit.path(), EDITORS)) {
            throw new ForbiddenException("person.forbiddenUnit", v.unit.name());
        }
        String hash = null;
        String last3 = before.idLast3();
        if (v.idNumber != null) {
            hash = ids.hash(v.idNumber);
            Long other = repo.idByHash(hash).orElse(null);
            if (other != null && other != id) {
                refuseExistingId(v.unit.path());
            }
            last3 = v.idNumber.substring(9);
        }
        Long household = household(form.householdCode(), v.unit);
        repo.update(id, v.name, VietnameseText.fold(v.name), form.birthDate(), form.sex(),
                VietnameseText.clean(form.ethnicity()), VietnameseText.clean(form.disability()), v.phone,
                hash != null ? hash : repo.idHashOf(id), last3, v.unit.id(), household,
                dataHash(form, v, before.memberships()));
        audit.record("UPDATE", "PERSON", String.valueOf(id), v.unit.path(), null);
        return repo.find(id, adultCut()).orElseThrow();
    }

    /** Registry counts for each child of a unit (and the unit itself under its own id). */
    public Map<Long, GroupCounts> countsByChild(long unitId) {
        Unit unit = visibleUnit(unitId);
        List<Unit> children = units.children(unitId);
        Map<Long, long[]> residents = repo.residentsByUnit(unit.path(), adultCut());
        Map<Long, Map<TargetGroup, Long>> members = repo.membersByOrg(unit.path());
        List<Long> touched = new ArrayList<>(residents.keySet());
        touched.addAll(members.keySet());
        Map<Long, String> paths = new java.util.HashMap<>();
        units.findByIds(touched).forEach(u -> paths.put(u.id(), u.path()));
        Map<Long, long[]> totals = new LinkedHashMap<>();
        Map<Long, Map<TargetGroup, Long>> groups = new LinkedHashMap<>();
        List<Unit> targets = new ArrayList<>(children);
        targets.add(unit);
        for (Unit t : targets) {
            totals.put(t.id(), new long[2]);
            // every group present, zero included, so a client never has to guess what absence means
            Map<TargetGroup, Long> zero = new EnumMap<>(TargetGroup.class);
            for (TargetGroup g : TargetGroup.values()) {
                zero.put(g, 0L);
            }
            groups.put(t.id(), zero);
        }
        residents.forEach((uid, c) -> {
            for (Unit t : targets) {
                if (paths.getOrDefault(uid, "").startsWith(t.path())) {
                    totals.get(t.id())[0] += c[0];
                    totals.get(t.id())[1] += c[1];
                }
            }
        });
        members.forEach((oid, byGroup) -> {
            for (Unit t : targets) {
                if (paths.getOrDefault(oid, "").startsWith(t.path())) {
                    byGroup.forEach((g, n) -> groups.get(t.id()).merge(g, n, Long::sum));
                }
            }
        });
        Map<Long, GroupCounts> out = new LinkedHashMap<>();
        for (Unit t : targets) {
            Map<TargetGroup, Long> g = groups.get(t.id());
            g.put(TargetGroup.ADULT, totals.get(t.id())[1]);
            out.put(t.id(), new GroupCounts(t.id(), totals.get(t.id())[0], g));
        }
        return out;
    }

    public List<Denominator> denominators(long unitId, int year) {
        visibleUnit(unitId);
        GroupCounts counted = countsByChild(unitId).get(unitId);
        Map<TargetGroup, Object[]> declared = new EnumMap<>(TargetGroup.class);
        repo.declaredDenominators(unitId, year).forEach(r -> declared.put(TargetGroup.valueOf((String) r[0]), r));
        List<Denominator> out = new ArrayList<>();
        for (TargetGroup g : TargetGroup.values()) {
            Object[] d = declared.get(g);
            out.add(new Denominator(unitId, g, year, counted.get(g), d == null ? null : (Long) d[1],
                    d == null ? null : (String) d[2], d == null ? null : (String) d[3],
                    d == null ? null : (java.time.Instant) d[4]));
        }
        return out;
    }

    /** Declares an official figure (null value: withdraw it, so the registry count applies again). */
    @Transactional
    public List<Denominator> declare(long unitId, TargetGroup group, int year, Long value, String source) {
        Unit unit = units.find(unitId).orElseThrow(() -> new NotFoundException("unit.notFound", unitId));
        AppUser user = CurrentUser.require();
        if (!user.canActOn(unit.path(), EDITORS)) {
            throw new ForbiddenException("unit.forbidden");
        }
        if (year < 2000 || year > 2100) {
            throw new BusinessException("denominator.yearInvalid", year);
        }
        if (value == null) {
            repo.clearDenominator(unitId, group, year);
        } else {
            if (value < 0) {
                throw new BusinessException("denominator.negative");
            }
            repo.declareDenominator(unitId, group, year, value, VietnameseText.clean(source), user.username());
        }
        audit.record("UPDATE", "DENOMINATOR", unitId + "/" + group + "/" + year, unit.path(),
                "value=" + value + " source=" + source);
        return denominators(unitId, year);
    }

    /** Residents and households of merged units move with them, in the merge's transaction. */
    @EventListener
    @Transactional
    public void on(UnitsMerged event) {
        repo.moveResidents(event.sourceIds(), event.targetId());
    }

    LocalDate adultCut() {
        return LocalDate.now(clock).minusYears(props.adultAge());
    }

    private boolean canRead(AppUser user, Person person) {
        if (user.canActOn(person.residenceUnitPath(), READERS)) {
            return true;
        }
        return repo.membershipPaths(person.id()).stream().anyMatch(p -> user.canActOn(p, READERS));
    }

    private Unit visibleUnit(long unitId) {
        Unit unit = units.find(unitId).orElseThrow(() -> new NotFoundException("unit.notFound", unitId));
        if (!CurrentUser.require().canActOn(unit.path(), List.of(Role.values()))) {
            throw new ForbiddenException("unit.forbidden");
        }
        return unit;
    }

    private Long household(String code, Unit unit) {
        String c = VietnameseText.clean(code);
        if (c == null) {
            return null;
        }
        return repo.householdId(c).orElseGet(() -> repo.createHousehold(c, unit.id()));
    }

    private String dataHash(PersonForm f, Valid v, List<Membership> memberships) {
        String agency = null, school = null, level = null, enterprise = null;
        for (Membership m : memberships) {
            String code = m.orgUnitId() == null ? null : units.find(m.orgUnitId()).map(Unit::code).orElse(null);
            switch (m.group()) {
                case CIVIL_SERVANT -> agency = code;
                case STUDENT -> {
                    school = code;
                    level = m.schoolLevel() == null ? null : m.schoolLevel().name();
                }
                case WORKER -> enterprise = code;
                default -> { }
            }
        }
        return new DataHash().of(v.name, f.birthDate(), f.sex(), VietnameseText.clean(f.ethnicity()),
                VietnameseText.clean(f.disability()), v.phone, v.unit.code(), VietnameseText.clean(f.householdCode()),
                agency, school, level, enterprise);
    }

    private record Valid(String name, String idNumber, String phone, Unit unit) {
    }

    private Valid validate(PersonForm f, boolean idRequired) {
        TextLimits.check(f);
        String name = VietnameseText.clean(f.fullName());
        if (name == null) {
            throw new BusinessException("person.name.required");
        }
        if (name.length() > 200) {
            throw new BusinessException("person.name.tooLong");
        }
        if (f.birthDate() == null) {
            throw new BusinessException("person.birth.required");
        }
        if (f.birthDate().isAfter(LocalDate.now(clock)) || f.birthDate().getYear() < 1900) {
            throw new BusinessException("person.birth.outOfRange");
        }
        if (f.sex() == null) {
            throw new BusinessException("person.sex.required");
        }
        String id = f.idNumber() == null ? "" : f.idNumber().replace(" ", "");
        if (!id.isEmpty() || idRequired) {
            String problem = NationalIds.problem(id);
            if (problem != null) {
                throw new BusinessException(problem, id.length());
            }
        }
        String phone = Phones.normalise(f.phone());
        if (f.phone() != null && !f.phone().isBlank() && phone == null) {
            throw new BusinessException("person.phone.invalid");
        }
        String code = VietnameseText.clean(f.residenceUnitCode());
        if (code == null) {
            throw new BusinessException("person.unit.required");
        }
        Unit unit = units.findByCode(code).filter(u -> u.active() && u.type().administrative())
                .orElseThrow(() -> new BusinessException("person.unit.unknown", code));
        return new Valid(name, id.isEmpty() ? null : id, phone, unit);
    }
}
