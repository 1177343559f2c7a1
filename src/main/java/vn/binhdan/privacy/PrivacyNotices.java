package vn.binhdan.privacy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.people.PersonDirectory;
import vn.binhdan.privacy.internal.PrivacyRepository;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.ConflictException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.shared.Role;
import vn.binhdan.shared.TextLimits;
import vn.binhdan.shared.VietnameseText;
import vn.binhdan.shared.privacy.ConsentPurpose;
import vn.binhdan.shared.privacy.Consents;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.Units;

/**
 * The privacy notice each province sets and the consents each person gives under it. A version
 * someone has read is never edited: the province publishes a new one, which asks everyone again.
 */
@Service
@Transactional(readOnly = true)
public class PrivacyNotices implements Consents {

    static final List<Role> PUBLISHERS = List.of(Role.PROVINCE_ADMIN, Role.SYSTEM_ADMIN);

    private final PrivacyRepository repo;
    private final Units units;
    private final PersonDirectory persons;
    private final AuditLog audit;
    private final Clock clock;

    public PrivacyNotices(PrivacyRepository repo, Units units, PersonDirectory persons, AuditLog audit, Clock clock) {
        this.repo = repo;
        this.units = units;
        this.persons = persons;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Notice publish(NoticeDraft draft) {
        TextLimits.check(draft);
        AppUser user = CurrentUser.require();
        if (draft == null || draft.unitId() == null) {
            throw new BusinessException("privacy.notice.unitRequired");
        }
        Unit unit = units.find(draft.unitId()).orElseThrow(() -> new NotFoundException("unit.notFound", draft.unitId()));
        if (!user.canActOn(unit.path(), PUBLISHERS)) {
            throw new ForbiddenException("privacy.notice.forbidden");
        }
        Text t = validate(draft);
        long id = repo.insertNotice(unit.id(), unit.path(), repo.nextVersion(unit.id()), t.title, t.body, t.contact,
                user.username(), clock.instant());
        audit.record("PUBLISH", "privacy-notice", String.valueOf(id), unit.path(), null);
        return repo.notice(id).orElseThrow();
    }

    /**
     * Fixes a version nobody has read yet. Once someone has read it, what they were told stays as
     * it was: the edit becomes the next version, which asks everyone again.
     */
    @Transactional
    public Notice revise(long id, NoticeDraft draft) {
        TextLimits.check(draft);
        AppUser user = CurrentUser.require();
        String path = repo.noticePath(id).orElseThrow(() -> new NotFoundException("privacy.notice.notFound", id));
        if (!user.canActOn(path, PUBLISHERS)) {
            throw new ForbiddenException("privacy.notice.forbidden");
        }
        if (repo.anyoneSaw(id)) {
            Notice read = repo.notice(id).orElseThrow();
            Text t = validate(draft);
            long next = repo.insertNotice(read.unitId(), path, repo.nextVersion(read.unitId()), t.title, t.body, t.contact,
                    user.username(), clock.instant());
            audit.record("PUBLISH", "privacy-notice", String.valueOf(next), path, "edit of read version " + read.version());
            return repo.notice(next).orElseThrow();
        }
        Text t = validate(draft);
        repo.updateNotice(id, t.title, t.body, t.contact);
        audit.record("UPDATE", "privacy-notice", String.valueOf(id), path, null);
        return repo.notice(id).orElseThrow();
    }

    public List<Notice> notices() {
        List<String> scopes = CurrentUser.require().scopePaths(PUBLISHERS);
        if (scopes.isEmpty()) {
            throw new ForbiddenException("privacy.notice.forbidden");
        }
        return repo.noticesWithin(scopes);
    }

    public MyPrivacy mine() {
        long personId = self();
        Notice notice = noticeFor(personId);
        boolean pending = notice != null && !repo.saw(personId, notice.id());
        return new MyPrivacy(notice, pending, states(personId));
    }

    /** True when the signed-in person has a notice version to read; false for accounts without a record. */
    public boolean pending(AppUser user) {
        if (user.personId() == null) {
            return false;
        }
        Notice notice = noticeFor(user.personId());
        return notice != null && !repo.saw(user.personId(), notice.id());
    }

    /**
     * Records the person's answers. Each changed choice adds a row, so the history shows what was
     * agreed under which version; a withdrawal takes effect for every reader at once.
     */
    @Transactional
    public MyPrivacy decide(ConsentChoice choice) {
        AppUser user = CurrentUser.require();
        long personId = self();
        Notice notice = noticeFor(personId);
        if (notice != null && choice != null && choice.noticeId() != null && choice.noticeId() != notice.id()) {
            throw new ConflictException("privacy.consent.newerNotice");
        }
        Map<String, Boolean> given = choice == null || choice.choices() == null ? Map.of() : choice.choices();
        Map<ConsentPurpose, ConsentState> now = repo.consents(personId);
        List<ConsentPurpose> changed = new ArrayList<>();
        for (var e : given.entrySet()) {
            ConsentPurpose purpose;
            try {
                purpose = ConsentPurpose.valueOf(e.getKey());
            } catch (IllegalArgumentException ex) {
                throw new BusinessException("privacy.consent.unknownPurpose", e.getKey());
            }
            if (e.getValue() == null) {
                throw new BusinessException("privacy.consent.choiceRequired", e.getKey());
            }
            ConsentState before = now.get(purpose);
            if (before == null || !e.getValue().equals(before.granted())
                    || (notice != null && !Integer.valueOf(notice.version()).equals(before.noticeVersion()))) {
                repo.insertConsent(personId, purpose, e.getValue(), notice == null ? null : notice.id(), clock.instant(),
                        user.username());
                changed.add(purpose);
            }
        }
        if (notice != null) {
            repo.markSeen(personId, notice.id(), clock.instant());
        }
        if (!changed.isEmpty()) {
            audit.record("CONSENT", "person", String.valueOf(personId), residence(personId),
                    changed.stream().map(p -> p.name() + "=" + given.get(p.name())).reduce((a, b) -> a + ", " + b).orElse(""));
        }
        return mine();
    }

    @Override
    public boolean withheld(long personId, ConsentPurpose purpose) {
        return !repo.withholding(purpose, List.of(personId)).isEmpty();
    }

    @Override
    public Set<Long> withholding(ConsentPurpose purpose, Collection<Long> personIds) {
        return repo.withholding(purpose, personIds);
    }

    List<ConsentState> states(long personId) {
        Map<ConsentPurpose, ConsentState> now = repo.consents(personId);
        List<ConsentState> out = new ArrayList<>();
        for (ConsentPurpose p : ConsentPurpose.values()) {
            out.add(now.getOrDefault(p, new ConsentState(p, null, null, null)));
        }
        return out;
    }

    private Notice noticeFor(long personId) {
        return repo.noticeFor(residence(personId)).orElse(null);
    }

    private String residence(long personId) {
        return persons.find(personId).map(PersonDirectory.PersonRef::residenceUnitPath)
                .orElseThrow(() -> new NotFoundException("person.notFound", personId));
    }

    static long self() {
        AppUser user = CurrentUser.require();
        if (user.personId() == null) {
            throw new BusinessException("privacy.noPerson");
        }
        return user.personId();
    }

    private record Text(String title, String body, String contact) {
    }

    private static Text validate(NoticeDraft d) {
        String title = VietnameseText.clean(d.title());
        String body = d.body() == null ? null : java.text.Normalizer.normalize(d.body().strip(), java.text.Normalizer.Form.NFC);
        String contact = VietnameseText.clean(d.contact());
        if (title == null || title.isBlank()) {
            throw new BusinessException("privacy.notice.titleRequired");
        }
        if (body == null || body.isBlank()) {
            throw new BusinessException("privacy.notice.bodyRequired");
        }
        if (contact == null || contact.isBlank()) {
            throw new BusinessException("privacy.notice.contactRequired");
        }
        return new Text(title, body, contact);
    }
}
