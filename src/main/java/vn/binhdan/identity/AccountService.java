package vn.binhdan.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.identity.internal.AccountRepository;
import vn.binhdan.identity.internal.AccountRepository.AccountRow;
import vn.binhdan.identity.internal.LoginThrottle;
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
    private final LoginThrottle throttle;
    /** This service through its proxy, so that a call from inside still gets its own transaction. */
    private final org.springframework.beans.factory.ObjectProvider<AccountService> self;
    /** Compared against when the username is unknown, so that timing does not reveal which usernames exist. */
    private final String dummyHash;

    public AccountService(AccountRepository accounts, PasswordEncoder passwords, SecurityProperties props,
                          PersonDirectory persons, NationalIds ids, AuditLog audit, Clock clock, LoginThrottle throttle,
                          org.springframework.beans.factory.ObjectProvider<AccountService> self,
                          vn.binhdan.shared.cluster.ClusterSignals signals) {
        this.signals = signals;
        // every instance forgets what it knew of an account the moment any instance changes it
        signals.subscribe(ACCOUNT_CHANGED, key -> checked.remove(Long.valueOf(key)));
        this.throttle = throttle;
        this.self = self;
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

    static final String ACCOUNT_CHANGED = "account";
    private final vn.binhdan.shared.cluster.ClusterSignals signals;

    /**
     * Disables (or enables again) an account: it can no longer sign in, and its API tokens and
     * browser sessions stop working on every instance within a second. A provincial administrator
     * may do so for accounts whose every role lies within their province; a system administrator
     * for any.
     */
    @Transactional
    public void setEnabled(String username, boolean enabled) {
        // an unknown name is refused like a name outside the caller's province: nothing is told about it
        setEnabled(accounts.byUsername(username == null ? "" : username)
                .orElseThrow(vn.binhdan.shared.ForbiddenException::new).id(), enabled);
    }

    @Transactional
    public void setEnabled(long accountId, boolean enabled) {
        AppUser caller = vn.binhdan.shared.CurrentUser.require();
        AccountRow a = accounts.byId(accountId).orElseThrow(() -> new vn.binhdan.shared.NotFoundException("error.notFound"));
        AppUser target = accounts.load(a);
        boolean allowed = caller.has(Role.SYSTEM_ADMIN) || (!target.grants().isEmpty() && target.grants().stream()
                .allMatch(g -> caller.canActOn(g.unitPath(), Role.PROVINCE_ADMIN)));
        if (!allowed || caller.accountId() == accountId) {
            throw new vn.binhdan.shared.ForbiddenException();
        }
        accounts.setEnabled(accountId, enabled);
        audit.record(enabled ? "ENABLE" : "DISABLE", "ACCOUNT", String.valueOf(accountId),
                target.grants().stream().map(vn.binhdan.shared.Grant::unitPath).findFirst().orElse(null), null);
        signals.publish(ACCOUNT_CHANGED, String.valueOf(accountId));
        // this instance forgets at once (and again after the commit, in case a request re-read the
        // old state meanwhile); the others learn it from the signal within a second
        checked.remove(accountId);
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            checked.remove(accountId);
                        }
                    });
        }
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
     * Checks a password. Failures are throttled (see {@link LoginThrottle}); an unknown name gets
     * the same answer, the same throttle and the same time as a wrong password, and a disabled
     * account is only named as such to someone who knows its password. Outside any transaction:
     * the count and each audit entry commit on their own, so a failed login still counts.
     *
     * @param clientAddress where the attempt comes from (null when unknown)
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public AppUser authenticate(String username, String rawPassword, String clientAddress) {
        String name = username == null ? "" : username.strip();
        LoginThrottle.Keys keys = LoginThrottle.Keys.of(name, clientAddress);
        Instant now = clock.instant();
        Optional<AccountRow> found = name.isEmpty() ? Optional.empty() : accounts.byUsername(name);
        String subject = found.map(a -> String.valueOf(a.id())).orElse(null);
        String scope = found.map(this::scopeOf).orElse(null);
        String who = "username=" + (name.length() > 64 ? name.substring(0, 64) : name);
        Optional<java.time.Duration> wait = throttle.acquire(keys, now);
        if (wait.isPresent()) {
            audit.record("LOGIN_THROTTLED", "ACCOUNT", subject, scope, who);
            throw new LoginThrottledException(wait.get());
        }
        String hash = found.map(AccountRow::passwordHash).orElse(null);
        boolean matches = passwords.matches(rawPassword == null ? "" : rawPassword, hash == null ? dummyHash : hash);
        if (!matches || hash == null) {
            audit.record("LOGIN_FAILED", "ACCOUNT", subject, scope, who);
            throw new BadCredentialsException("login.bad");
        }
        AccountRow a = found.get();
        throttle.succeeded(keys);
        if (!a.enabled()) {
            audit.record("LOGIN_FAILED", "ACCOUNT", subject, scope, who + " disabled");
            throw new DisabledException("login.disabled");
        }
        AppUser user = accounts.load(a);
        vn.binhdan.shared.SystemUser.run(user, () -> audit.record("LOGIN", "ACCOUNT", subject, scope, null));
        return user;
    }

    /** {@link #authenticate(String, String, String)} for callers with no client address (tools, tests). */
    public AppUser authenticate(String username, String rawPassword) {
        return self.getObject().authenticate(username, rawPassword, null);
    }

    private String scopeOf(AccountRow a) {
        return accounts.load(a).grants().stream().map(vn.binhdan.shared.Grant::unitPath).findFirst().orElse(null);
    }

    public Optional<AppUser> load(long accountId) {
        // failed logins do not lock an account, so its tokens keep working while its name is throttled
        return accounts.loadEnabled(accountId);
    }

    /**
     * How long a token's account, once checked, is trusted without reading it again. Every change
     * the platform makes reaches every instance at once (the signal below), so this only bounds a
     * change made behind its back; at a minute, a contest round answered over five minutes read
     * each of its 20,000 accounts five times.
     */
    static final java.time.Duration TOKEN_ACCOUNT_TTL = java.time.Duration.ofMinutes(5);

    private record Checked(Optional<AppUser> user, java.time.Instant until) {
    }

    private final java.util.concurrent.ConcurrentHashMap<Long, Checked> checked = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The account behind an API token, read at most once in five minutes: an app saving an exam answer
     * every few seconds should not cost two database reads a request (at ten seconds most saves
     * still missed). A disabled account loses its tokens at once on every instance (see
     * {@link #setEnabled}); the five minutes bound a change made behind the platform's back.
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
