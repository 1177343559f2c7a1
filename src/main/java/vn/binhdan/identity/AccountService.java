package vn.binhdan.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.identity.internal.AccountRepository;
import vn.binhdan.identity.internal.AccountRepository.AccountRow;
import vn.binhdan.people.NationalIds;
import vn.binhdan.people.PersonDirectory;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.Role;

@Service
public class AccountService {

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final SecurityProperties props;
    private final PersonDirectory persons;
    private final NationalIds ids;
    private final AuditLog audit;
    private final Clock clock;
    /** Compared against when the username is unknown, so that timing does not reveal which usernames exist. */
    private final String dummyHash;

    public AccountService(AccountRepository accounts, PasswordEncoder passwords, SecurityProperties props,
                          PersonDirectory persons, NationalIds ids, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.props = props;
        this.persons = persons;
        this.ids = ids;
        this.audit = audit;
        this.clock = clock;
        this.dummyHash = passwords.encode("not-a-real-password");
    }

    public record GrantSpec(Role role, long unitId) {
    }

    @Transactional
    public long create(String username, String displayName, String rawPassword, Long personId, List<GrantSpec> grants) {
        if (accounts.byUsername(username).isPresent()) {
            throw new BusinessException("account.exists", username);
        }
        long id = accounts.insert(username, displayName, rawPassword == null ? null : passwords.encode(rawPassword),
                personId, null);
        grants.forEach(g -> accounts.grant(id, g.role(), g.unitId()));
        audit.record("CREATE", "ACCOUNT", String.valueOf(id), null, "username=" + username + " grants=" + grants);
        return id;
    }

    public boolean exists(String username) {
        return accounts.byUsername(username).isPresent();
    }

    /**
     * Checks a password, counting failures: after {@code maxFailedLogins} in a row the account is
     * locked for {@code lockDuration}. Runs in its own transaction so a failure is counted even
     * though the login itself fails.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = RuntimeException.class)
    public AppUser authenticate(String username, String rawPassword) {
        Optional<AccountRow> found = username == null ? Optional.empty() : accounts.byUsername(username.strip());
        if (found.isEmpty() || found.get().passwordHash() == null) {
            passwords.matches(rawPassword == null ? "" : rawPassword, dummyHash);
            throw new BadCredentialsException("login.bad");
        }
        AccountRow a = found.get();
        Instant now = clock.instant();
        if (a.lockedUntil() != null && a.lockedUntil().isAfter(now)) {
            throw new LockedException("login.locked");
        }
        if (!a.enabled()) {
            throw new DisabledException("login.disabled");
        }
        if (rawPassword == null || !passwords.matches(rawPassword, a.passwordHash())) {
            if (a.lockedUntil() != null) {
                // a lock that has run out starts a fresh count
                accounts.recordSuccess(a.id());
            }
            accounts.recordFailure(a.id(), props.maxFailedLogins(), now.plus(props.lockDuration()));
            throw new BadCredentialsException("login.bad");
        }
        accounts.recordSuccess(a.id());
        return accounts.load(a);
    }

    public Optional<AppUser> load(long accountId) {
        return accounts.byId(accountId).filter(AccountRow::enabled)
                .filter(a -> a.lockedUntil() == null || !a.lockedUntil().isAfter(clock.instant()))
                .map(accounts::load);
    }

    /** How long a token's account, once checked, is trusted without reading it again. */
    static final java.time.Duration TOKEN_ACCOUNT_TTL = java.time.Duration.ofSeconds(60);

    private record Checked(Optional<AppUser> user, java.time.Instant until) {
    }

    private final java.util.concurrent.ConcurrentHashMap<Long, Checked> checked = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The account behind an API token, read at most once a minute: an app saving an exam answer
     * every few seconds should not cost two database reads a request (at ten seconds most saves
     * still missed). A disabled or locked account loses its tokens within that minute.
     */
    public Optional<AppUser> loadForToken(long accountId) {
        java.time.Instant now = clock.instant();
        Checked c = checked.get(accountId);
        if (c != null && c.until().isAfter(now)) {
            return c.user();
        }
        Optional<AppUser> user = load(accountId);
        if (checked.size() > 200_000) {
            checked.clear();
        }
        checked.put(accountId, new Checked(user, now.plus(TOKEN_ACCOUNT_TTL)));
        return user;
    }

    public Optional<AppUser> loadByUsername(String username) {
        return accounts.byUsername(username).map(accounts::load);
    }

    /**
     * Signs in through an OpenID provider: by the provider's subject if already linked, else by
     * the ID-number claim matched against the registry (the account of that person, created as a
     * learner's on first login). Unknown people are refused rather than given an empty account.
     */
    @Transactional
    public AppUser linkOidc(String issuer, String subject, Map<String, Object> claims) {
        String key = issuer + "|" + subject;
        Optional<AccountRow> linked = accounts.byOidcSubject(key);
        if (linked.isPresent()) {
            return accounts.load(linked.get());
        }
        Object claim = claims.get(props.oidcIdClaim());
        String idNumber = claim == null ? null : claim.toString().strip();
        if (idNumber == null || NationalIds.problem(idNumber) != null) {
            throw new BusinessException("login.oidc.noId");
        }
        PersonDirectory.PersonRef person = persons.findByIdHash(ids.hash(idNumber))
                .orElseThrow(() -> new BusinessException("login.oidc.unknownPerson"));
        Optional<AccountRow> existing = accounts.byPerson(person.id());
        long accountId;
        if (existing.isPresent()) {
            accountId = existing.get().id();
            accounts.linkOidc(accountId, key);
        } else {
            accountId = accounts.insert("vneid-" + person.id(), person.fullName(), null, person.id(), key);
            accounts.grant(accountId, Role.LEARNER, person.residenceUnitId());
        }
        audit.record("LINK", "ACCOUNT", String.valueOf(accountId), person.residenceUnitPath(), "oidc " + issuer);
        return accounts.load(accounts.byId(accountId).orElseThrow());
    }
}
