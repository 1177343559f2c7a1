package vn.binhdan.reporting;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.reporting.InvalidReport.FieldError;
import vn.binhdan.reporting.internal.ReminderRepository;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.unit.Unit;

/**
 * Each unit's contact for report reminders, kept by the unit's own officers or those above it
 * (the same people who write its reports).
 */
@Service
public class ReportContacts {

    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final Pattern PHONE = Pattern.compile("0\\d{9}");

    /** A contact as typed: blank fields are cleared. */
    public record ContactRequest(String person, String email, String phone) {
    }

    private final ReportScope scope;
    private final ReminderRepository repo;
    private final AuditLog audit;
    private final Clock clock;

    ReportContacts(ReportScope scope, ReminderRepository repo, AuditLog audit, Clock clock) {
        this.scope = scope;
        this.repo = repo;
        this.audit = audit;
        this.clock = clock;
    }

    public UnitContact get(long unitId) {
        AppUser user = CurrentUser.require();
        Unit unit = scope.readable(user, unitId);
        return repo.contact(unit.id()).orElse(new UnitContact(unit.id(), unit.name(), null, null, null, null, null));
    }

    /** Whether the signed-in user may change the unit's contact. */
    public boolean editable(long unitId) {
        AppUser user = CurrentUser.require();
        return user.canActOn(scope.unit(unitId).path(), ReportScope.WRITERS);
    }

    @Transactional
    public UnitContact save(long unitId, ContactRequest request) {
        AppUser user = CurrentUser.require();
        Unit unit = scope.writable(user, unitId);
        List<FieldError> errors = new ArrayList<>();
        String person = blankToNull(request.person());
        String email = blankToNull(request.email());
        String phone = phone(request.phone());
        if (person != null && person.length() > 200) {
            errors.add(new FieldError("person", "contact.person.tooLong", 200));
        }
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            errors.add(new FieldError("email", "contact.email.invalid"));
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.add(new FieldError("phone", "contact.phone.invalid"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidReport(errors);
        }
        UnitContact before = repo.contact(unit.id()).orElse(null);
        repo.saveContact(unit.id(), person, email, phone, user.username(), clock.instant());
        // which fields changed, never the addresses themselves: the trail must not become a contact list
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(before == null ? null : before.person(), person)) {
            changed.add("person");
        }
        if (!Objects.equals(before == null ? null : before.email(), email)) {
            changed.add("email");
        }
        if (!Objects.equals(before == null ? null : before.phone(), phone)) {
            changed.add("phone");
        }
        audit.record("UPDATE", "REPORT_CONTACT", unit.code(), unit.path(),
                changed.isEmpty() ? "unchanged" : String.join(",", changed));
        return repo.contact(unit.id()).orElseThrow();
    }

    /** A phone as stored: digits only, +84 written as the leading 0 people dial. */
    static String phone(String typed) {
        String p = blankToNull(typed);
        if (p == null) {
            return null;
        }
        p = p.replaceAll("[\\s.()-]", "");
        if (p.startsWith("+84")) {
            p = "0" + p.substring(3);
        } else if (p.startsWith("84") && p.length() == 11) {
            p = "0" + p.substring(2);
        }
        return p;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
