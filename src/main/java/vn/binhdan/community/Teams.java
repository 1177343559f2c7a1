package vn.binhdan.community;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.community.internal.GuidanceRepository;
import vn.binhdan.community.internal.TeamRepository;
import vn.binhdan.people.PersonDirectory;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.shared.Role;
import vn.binhdan.shared.VietnameseText;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.Units;
import vn.binhdan.shared.TextLimits;

/**
 * Community digital technology teams: set up by the commune (or the province), seen by everyone
 * who works in their area, each with its members, its leader and what it did this month.
 */
@Service
public class Teams {

    public static final List<Role> EDITORS = List.of(Role.COMMUNE_OFFICER, Role.AGENCY_OFFICER, Role.PROVINCE_ADMIN);
    private static final Pattern PHONE = Pattern.compile("0\\d{9,10}");

    private final TeamRepository repo;
    private final GuidanceRepository guidance;
    private final Units units;
    private final PersonDirectory persons;
    private final AuditLog audit;
    private final Clock clock;

    Teams(TeamRepository repo, GuidanceRepository guidance, Units units, PersonDirectory persons, AuditLog audit,
          Clock clock) {
        this.repo = repo;
        this.guidance = guidance;
        this.units = units;
        this.persons = persons;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Team create(TeamForm form) {
        TextLimits.check(form);
        AppUser user = CurrentUser.require();
        Unit unit = checkedUnit(form, user);
        long id = repo.insert(clean(form), unit.id(), user.username(), clock.instant());
        audit.record("CREATE", "TEAM", String.valueOf(id), unit.path(), form.name());
        return repo.find(id).orElseThrow();
    }

    @Transactional
    public Team update(long id, TeamForm form) {
        TextLimits.check(form);
        AppUser user = CurrentUser.require();
        Team team = editable(id, user);
        TeamForm f = clean(new TeamForm(team.unitId(), form.name(), form.kind(), form.phone(), form.email()));
        repo.update(id, f);
        audit.record("UPDATE", "TEAM", String.valueOf(id), team.unitPath(), f.name());
        return repo.find(id).orElseThrow();
    }

    /** Teams in the user's area, or under one of its units. */
    @Transactional(readOnly = true)
    public List<Team> list(Long unitId) {
        AppUser user = CurrentUser.require();
        List<String> scopes = user.scopePaths(Guidance.RECORDERS);
        if (scopes.isEmpty()) {
            throw new ForbiddenException("team.forbidden");
        }
        if (unitId != null) {
            Unit unit = units.find(unitId).orElseThrow(() -> new NotFoundException("unit.notFound", unitId));
            if (!user.canActOn(unit.path(), Guidance.RECORDERS)) {
                throw new ForbiddenException("team.forbidden");
            }
            return repo.within(unit.path());
        }
        return scopes.stream().flatMap(p -> repo.within(p).stream()).distinct().toList();
    }

    /** A team, its members and its activity in a month (this month when none is given). */
    @Transactional(readOnly = true)
    public TeamPage page(long id, YearMonth month) {
        AppUser user = CurrentUser.require();
        Team team = repo.find(id).orElseThrow(() -> new NotFoundException("team.notFound", id));
        if (!user.canActOn(team.unitPath(), Guidance.RECORDERS)) {
            throw new ForbiddenException("team.forbidden");
        }
        YearMonth m = month == null ? YearMonth.now(clock) : month;
        List<TeamMember> members = repo.members(id);
        List<GuidanceSession> log = guidance.list(team.unitPath(), id, null, m.atDay(1), m.atEndOfMonth(), 20);
        audit.listed("team-members", "team " + id, team.unitPath(), AuditLog.query("teamId", id, "month", m),
                members.size() + Guidance.peopleIn(log));
        return new TeamPage(team, members, m, guidance.activity(team.unitPath(), id, m.atDay(1), m.atEndOfMonth()), log,
                user.canActOn(team.unitPath(), EDITORS));
    }

    @Transactional
    public List<TeamMember> addMember(long teamId, TeamMember.Form form) {
        TextLimits.check(form);
        AppUser user = CurrentUser.require();
        Team team = editable(teamId, user);
        if (form.personId() == null) {
            throw new BusinessException("team.member.required");
        }
        // unknown and elsewhere get one answer, which names nobody
        PersonDirectory.PersonRef p = persons.find(form.personId())
                .filter(found -> user.canActOn(found.residenceUnitPath(), EDITORS))
                .orElseThrow(() -> new ForbiddenException("team.member.outside"));
        String phone = phone(form.phone());
        boolean added = repo.upsertMember(teamId, p.id(), form.leads(), phone, LocalDate.now(clock));
        audit.record(added ? "CREATE" : "UPDATE", "TEAM_MEMBER", teamId + "/" + p.id(), team.unitPath(),
                form.leads() ? "leader" : null);
        return members(team);
    }

    @Transactional
    public List<TeamMember> removeMember(long teamId, long personId) {
        AppUser user = CurrentUser.require();
        Team team = editable(teamId, user);
        if (repo.removeMember(teamId, personId)) {
            audit.record("DELETE", "TEAM_MEMBER", teamId + "/" + personId, team.unitPath(), null);
        }
        return members(team);
    }

    /** The members with their phones, answered after a change: a list of persons like any other. */
    private List<TeamMember> members(Team team) {
        List<TeamMember> members = repo.members(team.id());
        audit.listed("team-members", "team " + team.id(), team.unitPath(), AuditLog.query("teamId", team.id()),
                members.size());
        return members;
    }

    private Team editable(long id, AppUser user) {
        Team team = repo.find(id).orElseThrow(() -> new NotFoundException("team.notFound", id));
        if (!user.canActOn(team.unitPath(), EDITORS)) {
            throw new ForbiddenException("team.forbidden");
        }
        return team;
    }

    private Unit checkedUnit(TeamForm form, AppUser user) {
        if (form.unitId() == null) {
            throw new BusinessException("team.unit.required");
        }
        Unit unit = units.find(form.unitId()).orElseThrow(() -> new NotFoundException("unit.notFound", form.unitId()));
        if (!user.canActOn(unit.path(), EDITORS)) {
            throw new ForbiddenException("team.forbidden");
        }
        return unit;
    }

    private static TeamForm clean(TeamForm f) {
        String name = f.name() == null ? "" : VietnameseText.clean(f.name()).trim();
        if (name.length() < 3 || name.length() > 200) {
            throw new BusinessException("team.name.required");
        }
        String email = f.email() == null || f.email().isBlank() ? null : f.email().trim();
        if (email != null && (email.length() > 120 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            throw new BusinessException("team.email.invalid");
        }
        return new TeamForm(f.unitId(), name, f.kind() == null ? Team.Kind.VILLAGE : f.kind(), phone(f.phone()), email);
    }

    private static String phone(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String digits = raw.replaceAll("[\\s.()-]", "").replaceFirst("^\\+84", "0");
        if (!PHONE.matcher(digits).matches()) {
            throw new BusinessException("team.phone.invalid");
        }
        return digits;
    }
}
