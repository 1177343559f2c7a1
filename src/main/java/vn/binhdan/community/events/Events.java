package vn.binhdan.community.events;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.community.CommunityEvent.Count;
import vn.binhdan.community.Tally;
import vn.binhdan.community.internal.Access;
import vn.binhdan.community.internal.events.EventRepository;
import vn.binhdan.community.internal.events.EventRepository.EventRow;
import vn.binhdan.community.internal.events.EventRepository.ParticipationRow;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.ConflictException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.shared.VietnameseText;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.Units;
import vn.binhdan.shared.TextLimits;

/**
 * Events and their participants. A unit organises an event within its subtree; the units beneath
 * it (a province's launch ceremony is joined by every commune) each report how many of their
 * people took part, once the day has come, and may correct the figure: each change counts its
 * difference. The organiser sees every unit's figure; a unit below sees the event and its own.
 */
@Service
public class Events {

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final int MAX_PARTICIPANTS = 10_000_000;

    private final EventRepository repo;
    private final Units units;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public Events(EventRepository repo, Units units, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.repo = repo;
        this.units = units;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<EventInfo> list() {
        AppUser user = Access.requireManager();
        return repo.visible(user.scopePaths(Access.MANAGERS), 200).stream().map(e -> info(e, user)).toList();
    }

    @Transactional(readOnly = true)
    public EventInfo get(long id) {
        AppUser user = CurrentUser.require();
        return info(visible(id, user), user);
    }

    @Transactional
    public EventInfo create(EventForm form) {
        TextLimits.check(form);
        AppUser user = Access.requireManager();
        if (form == null || form.unitId() == null) {
            throw new BusinessException("events.unitRequired");
        }
        Unit unit = units.find(form.unitId()).filter(Unit::active)
                .orElseThrow(() -> new BusinessException("events.unitRequired"));
        Access.requireManager(user, unit.path());
        if (form.kind() == null) {
            throw new BusinessException("events.kindRequired");
        }
        String title = VietnameseText.clean(form.title());
        if (title == null) {
            throw new BusinessException("events.titleRequired");
        }
        if (title.length() > 300) {
            throw new BusinessException("events.tooLong", 300);
        }
        if (form.heldOn() == null || form.heldOn().getYear() < 2020 || form.heldOn().getYear() > 2100) {
            throw new BusinessException("events.dateRequired");
        }
        long id = repo.insert(form.kind().name(), title, form.heldOn(), unit.id(), user.username(), clock.instant());
        audit.record("CREATE", "event", Long.toString(id), unit.path(), form.kind() + " " + form.heldOn() + " " + title);
        return info(repo.find(id).orElseThrow(), user);
    }

    /** Sets how many people of {@code unitId} took part; the change from the figure before is what counts. */
    @Transactional
    public EventInfo report(long eventId, long unitId, Integer participants) {
        AppUser user = CurrentUser.require();
        visible(eventId, user);
        Unit unit = units.find(unitId).orElseThrow(() -> new NotFoundException("unit.notFound", unitId));
        Access.requireManager(user, unit.path());
        EventRow e = repo.lock(eventId).orElseThrow();
        if (e.cancelledAt() != null) {
            throw new ConflictException("events.cancelled");
        }
        if (!unit.path().startsWith(e.unitPath())) {
            throw new BusinessException("events.unitOutside", unit.name(), e.unitName());
        }
        if (e.heldOn().isAfter(LocalDate.now(clock))) {
            throw new BusinessException("events.future", DMY.format(e.heldOn()));
        }
        if (participants == null || participants < 0 || participants > MAX_PARTICIPANTS) {
            throw new BusinessException("events.badParticipants");
        }
        ParticipationRow before = repo.participation(eventId).stream().filter(p -> p.unitId() == unitId).findFirst()
                .orElse(null);
        int revision;
        int delta;
        if (before == null) {
            repo.insertParticipation(eventId, unitId, participants, user.username(), clock.instant());
            revision = 1;
            delta = participants;
        } else {
            revision = before.revision() + 1;
            delta = participants - before.participants();
            repo.updateParticipation(eventId, unitId, participants, revision, user.username(), clock.instant());
        }
        events.publishEvent(new ParticipantsReported(eventId, unitId, revision, unit.path(), e.heldOn(), delta, e.kind()));
        audit.record("PARTICIPANTS", "event", Long.toString(eventId), unit.path(), unit.name() + ": " + participants);
        return info(repo.find(eventId).orElseThrow(), user);
    }

    @Transactional
    public EventInfo cancel(long eventId) {
        AppUser user = CurrentUser.require();
        EventRow e = visible(eventId, user);
        Access.requireManager(user, e.unitPath());
        e = repo.lock(eventId).orElseThrow();
        if (e.cancelledAt() != null) {
            throw new ConflictException("events.cancelled");
        }
        String kind = e.kind();
        List<Count> back = repo.participation(eventId).stream()
                .map(p -> new Count(Tally.EVENT_PARTICIPANTS, p.unitPath(), p.day(), -p.participants(), kind)).toList();
        repo.cancel(eventId, clock.instant());
        events.publishEvent(new EventCancelled(eventId, back));
        audit.record("CANCEL", "event", Long.toString(eventId), e.unitPath(), e.title());
        return info(repo.find(eventId).orElseThrow(), user);
    }

    /** Organised within the user's scope, or above it (so the user's units can report to it). */
    private EventRow visible(long id, AppUser user) {
        EventRow e = repo.find(id).orElseThrow(() -> new NotFoundException("events.notFound", id));
        boolean seen = user.scopePaths(Access.MANAGERS).stream()
                .anyMatch(s -> s.startsWith(e.unitPath()) || e.unitPath().startsWith(s));
        if (!seen) {
            throw new NotFoundException("events.notFound", id);
        }
        return e;
    }

    private EventInfo info(EventRow e, AppUser user) {
        boolean organiser = Access.canManage(user, e.unitPath());
        List<EventInfo.Participation> parts = repo.participation(e.id()).stream()
                .filter(p -> organiser || Access.canManage(user, p.unitPath()))
                .map(p -> new EventInfo.Participation(p.unitId(), p.unitName(), p.participants())).toList();
        return new EventInfo(e.id(), EventKind.valueOf(e.kind()), e.title(), e.heldOn(), e.unitId(), e.unitName(),
                e.cancelledAt(), parts, organiser);
    }
}
