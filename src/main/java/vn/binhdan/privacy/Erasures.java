package vn.binhdan.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.people.Person;
import vn.binhdan.people.PersonService;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.privacy.internal.PrivacyRepository;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.ConflictException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.Role;
import vn.binhdan.shared.privacy.ConsentPurpose;
import vn.binhdan.shared.privacy.PersonalDataEraser;

/**
 * A person's request to delete their account. The registry record is kept by legal duty and
 * says so; the learning data is anonymised by each module that holds it (see
 * {@link PersonalDataEraser}) unless a legal duty keeps it too — then the request is answered
 * with that duty and recorded, never silently dropped. Counts and issued certificates stay valid:
 * what they rest on (completions, scores, the certificate whose subject is a salted hash) stays.
 */
@Service
@Transactional(readOnly = true)
public class Erasures {

    private final PersonService people;
    private final List<PersonalDataEraser> erasers;
    private final PrivacyRepository repo;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;

    public Erasures(PersonService people, List<PersonalDataEraser> erasers, PrivacyRepository repo, AuditLog audit,
                    MessageSource messages, Clock clock) {
        this.people = people;
        this.erasers = erasers;
        this.repo = repo;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** What a deletion would meet, for the page to explain before the person asks. */
    public ErasureCheck check() {
        AppUser user = CurrentUser.require();
        Person me = people.get(PrivacyNotices.self());
        return new ErasureCheck(holds(user, me).stream().map(this::text).toList(), kept());
    }

    /**
     * Deletes the signed-in person's account and anonymises their learning data, in one
     * transaction: every consent is withdrawn (names off public lists and leaderboards), each
     * module removes what tells what the person did, and the account closes at once.
     */
    @Transactional
    public Erasure erase() {
        AppUser user = CurrentUser.require();
        long personId = PrivacyNotices.self();
        Person me = people.get(personId);
        List<String> holds = holds(user, me);
        if (!holds.isEmpty()) {
            // the refusal rolls the transaction back; the request must stay on the trail
            audit.recordApart("ERASURE_ASKED", "person", String.valueOf(personId), me.residenceUnitPath(),
                    "legal hold: " + String.join(", ", holds));
            throw new ConflictException("privacy.erasure.legalHold",
                    String.join("; ", holds.stream().map(this::text).toList()));
        }
        Instant now = clock.instant();
        for (ConsentPurpose p : ConsentPurpose.values()) {
            repo.insertConsent(personId, p, false, null, now, user.username());
        }
        Map<String, Integer> changed = new LinkedHashMap<>();
        changed.put(text("privacy.erasure.kind.CONSENT"), ConsentPurpose.values().length);
        for (PersonalDataEraser e : erasers) {
            changed.merge(text("privacy.erasure.kind." + e.kind()), e.erase(personId), Integer::sum);
        }
        StringBuilder report = new StringBuilder();
        changed.forEach((k, v) -> report.append(k).append(' ').append(v).append("; "));
        audit.record("ERASURE", "person", String.valueOf(personId), me.residenceUnitPath(), report.toString().strip());
        return new Erasure(changed, kept());
    }

    /** Message keys of the legal duties that keep this person's learning data. */
    static List<String> holds(AppUser user, Person me) {
        List<String> out = new ArrayList<>();
        if (me.memberships().stream().anyMatch(m -> m.group() == TargetGroup.CIVIL_SERVANT)) {
            // a civil servant's training is part of the personnel file the employer must keep
            out.add("privacy.erasure.hold.civilServant");
        }
        if (user.grants().stream().anyMatch(g -> g.role() != Role.LEARNER)) {
            // what an officer did on others' records must stay attributable to the account
            out.add("privacy.erasure.hold.staff");
        }
        return out;
    }

    private List<String> kept() {
        return List.of(text("privacy.erasure.kept.registry"), text("privacy.erasure.kept.certificates"),
                text("privacy.erasure.kept.counts"));
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
