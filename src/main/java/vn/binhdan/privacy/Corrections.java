package vn.binhdan.privacy;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
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

/**
 * A person's right to have their record corrected: the request reaches the commune officers over
 * where the person lives, who answer it (done, or refused with a reason); every step is audited
 * on the person's record, so it shows in "who read my record" too.
 */
@Service
@Transactional(readOnly = true)
public class Corrections {

    public static final Set<String> FIELDS = Set.of("FULL_NAME", "BIRTH_DATE", "SEX", "ETHNICITY", "PHONE", "GROUP",
            "HOUSEHOLD", "RESIDENCE", "OTHER");
    static final List<Role> HANDLERS = List.of(Role.COMMUNE_OFFICER, Role.PROVINCE_ADMIN, Role.SYSTEM_ADMIN);

    private final PrivacyRepository repo;
    private final PersonDirectory persons;
    private final AuditLog audit;
    private final Clock clock;

    public Corrections(PrivacyRepository repo, PersonDirectory persons, AuditLog audit, Clock clock) {
        this.repo = repo;
        this.persons = persons;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Correction ask(CorrectionRequest request) {
        TextLimits.check(request);
        AppUser user = CurrentUser.require();
        long personId = PrivacyNotices.self();
        if (request == null) {
            throw new BusinessException("privacy.correction.fieldRequired");
        }
        if (request.personId() != null && request.personId() != personId) {
            // only the person asks for their own record; an officer corrects others' records directly
            audit.recordApart("CORRECTION_REFUSED", "person", String.valueOf(request.personId()), null, "not own record");
            throw new ForbiddenException("privacy.correction.notYours");
        }
        String field = request.field() == null ? null : request.field().strip().toUpperCase(Locale.ROOT);
        if (field == null || field.isEmpty()) {
            throw new BusinessException("privacy.correction.fieldRequired");
        }
        if (!FIELDS.contains(field)) {
            throw new BusinessException("privacy.correction.fieldUnknown", request.field());
        }
        String value = VietnameseText.clean(request.requestedValue());
        if (value == null || value.isBlank()) {
            throw new BusinessException("privacy.correction.valueRequired");
        }
        if (repo.openCorrectionExists(personId, field, value)) {
            throw new ConflictException("privacy.correction.duplicate");
        }
        String path = persons.find(personId).map(PersonDirectory.PersonRef::residenceUnitPath)
                .orElseThrow(() -> new NotFoundException("person.notFound", personId));
        long id = repo.insertCorrection(personId, path, field, value, VietnameseText.clean(request.reason()), clock.instant());
        audit.record("CORRECTION_ASKED", "person", String.valueOf(personId), path, "correction " + id + " " + field);
        return repo.correction(id).orElseThrow().correction();
    }

    public List<Correction> mine() {
        return repo.correctionsOf(PrivacyNotices.self());
    }

    /** The officer's task list: requests from persons living in their subtree. */
    public List<Correction> queue(boolean openOnly) {
        List<String> scopes = CurrentUser.require().scopePaths(HANDLERS);
        if (scopes.isEmpty()) {
            throw new ForbiddenException("privacy.correction.forbidden");
        }
        List<Correction> out = repo.correctionsWithin(scopes, openOnly);
        audit.listed("privacy-corrections", null, scopes.getFirst(), AuditLog.query("open", openOnly),
                (int) out.stream().map(Correction::personId).distinct().count());
        return out;
    }

    /** How many requests wait in the officer's subtree: a number, so nothing is audited. */
    public int openCount(AppUser user) {
        List<String> scopes = user.scopePaths(HANDLERS);
        return scopes.isEmpty() ? 0 : repo.countOpenWithin(scopes);
    }

    public boolean handles(AppUser user) {
        return !user.scopePaths(HANDLERS).isEmpty();
    }

    @Transactional
    public Correction answer(long id, CorrectionAnswer answer) {
        TextLimits.check(answer);
        AppUser user = CurrentUser.require();
        PrivacyRepository.Located found = repo.correction(id)
                .orElseThrow(() -> new NotFoundException("privacy.correction.notFound", id));
        if (!user.canActOn(found.unitPath(), HANDLERS)) {
            throw new ForbiddenException("privacy.correction.forbidden");
        }
        String outcome = answer == null || answer.outcome() == null ? "" : answer.outcome().strip().toUpperCase(Locale.ROOT);
        CorrectionStatus status;
        if (outcome.equals("DONE")) {
            status = CorrectionStatus.DONE;
        } else if (outcome.equals("REFUSED")) {
            status = CorrectionStatus.REFUSED;
        } else {
            throw new BusinessException("privacy.correction.outcomeRequired");
        }
        String reply = VietnameseText.clean(answer.reply());
        if (status == CorrectionStatus.REFUSED && (reply == null || reply.isBlank())) {
            throw new BusinessException("privacy.correction.reasonRequired");
        }
        if (!repo.answer(id, status, reply, user.username(), clock.instant())) {
            throw new ConflictException("privacy.correction.alreadyAnswered");
        }
        audit.record("CORRECTION_" + status.name(), "person", String.valueOf(found.correction().personId()),
                found.unitPath(), "correction " + id);
        return repo.correction(id).orElseThrow().correction();
    }
}
