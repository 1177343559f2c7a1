package vn.binhdan.certification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.binhdan.assessment.AttemptPassed;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.certification.internal.CertificatePdf;
import vn.binhdan.certification.internal.CertificateRepository;
import vn.binhdan.certification.internal.CertificateRepository.Row;
import vn.binhdan.certification.internal.CertificateSheet;
import vn.binhdan.certification.internal.DataIntegrity;
import vn.binhdan.certification.internal.IssuerKeys;
import vn.binhdan.certification.internal.Multikey;
import vn.binhdan.certification.internal.StatusList;
import vn.binhdan.people.PersonDirectory;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.shared.Role;
import vn.binhdan.shared.VietnameseText;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.Units;

/**
 * Issues a certificate when an exam is passed, inside the grading transaction (a pass without
 * its certificate cannot be left behind), and answers for it afterwards: the PDF, the signed
 * credential, public verification and revocation.
 */
@Service
@Transactional(readOnly = true)
public class Certificates {

    public static final List<Role> READERS = List.of(Role.COMMUNE_OFFICER, Role.AGENCY_OFFICER, Role.PROVINCE_ADMIN);
    public static final List<Role> REVOKERS = List.of(Role.PROVINCE_ADMIN);
    static final Locale VI = Locale.forLanguageTag("vi");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final CertificateRepository repo;
    private final IssuerKeys keys;
    private final PersonDirectory persons;
    private final Units units;
    private final MessageSource messages;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final CertificationProperties props;
    private final Clock clock;
    private final DataIntegrity integrity = new DataIntegrity();
    private final CertificatePdf pdf = new CertificatePdf();
    private final SecureRandom random = new SecureRandom();
    /** Signed status lists by issuer, dropped on every revocation. */
    private final Map<String, String> statusLists = new ConcurrentHashMap<>();

    public Certificates(CertificateRepository repo, IssuerKeys keys, PersonDirectory persons, Units units,
                        MessageSource messages, AuditLog audit, ApplicationEventPublisher events,
                        CertificationProperties props, Clock clock) {
        this.repo = repo;
        this.keys = keys;
        this.persons = persons;
        this.units = units;
        this.messages = messages;
        this.audit = audit;
        this.events = events;
        this.props = props;
        this.clock = clock;
    }

    /**
     * Every standing reason a person counts as certified, grouped by person and group: the
     * source rows the monitoring recomputes its live counts from.
     */
    @Transactional(readOnly = true)
    public void forEachCertifiedSource(java.util.function.Consumer<CertifiedSource> sink) {
        repo.forEachCertifiedSource(sink);
    }

    /** Those of the given persons who count as certified for some group today (certificate or declaration). */
    @Transactional(readOnly = true)
    public java.util.Set<Long> certifiedAmong(java.util.Collection<Long> personIds) {
        return personIds.isEmpty() ? java.util.Set.of() : repo.certifiedAmong(personIds);
    }

    /** True when anyone counts as certified at all (a certificate standing or a declaration). */
    @Transactional(readOnly = true)
    public boolean anyCertified() {
        return repo.anyCertified();
    }

    // ---- issuing -------------------------------------------------------------------------

    @EventListener
    @Transactional
    public void onPass(AttemptPassed passed) {
        if (repo.byAttempt(passed.attemptId()).isPresent() || repo.activeFor(passed.personId(), passed.targetGroup())) {
            return;
        }
        PersonDirectory.PersonRef person = persons.find(passed.personId())
                .orElseThrow(() -> new IllegalStateException("person " + passed.personId() + " of a pass is gone"));
        Unit issuer = issuerOf(person.residenceUnitPath());
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String number = issuer.code() + "-" + LocalDate.ofInstant(now, VIETNAM).getYear() + "-"
                + id.substring(0, 8).toUpperCase(Locale.ROOT);
        int statusIndex = freeStatusIndex(issuer.code());
        ObjectNode credential = credential(id, issuer, person.fullName(), passed.targetGroup(),
                passed.frameworkVersion(), passed.scorePercent(), now, statusIndex);
        IssuerKeys.SigningKey key = keys.signing(issuer.code());
        ObjectNode signed = integrity.sign(credential, issuerId(issuer.code()) + "#" + key.keyId(), key.privateKey(), now);
        String countedPath = persons.countingPath(person.id(), passed.targetGroup());
        repo.insert(new Row(id, number, issuer.code(), statusIndex, person.id(), passed.targetGroup(),
                person.residenceUnitPath(), passed.attemptId(), passed.frameworkVersion(), passed.scorePercent(), now,
                JSON.writeValueAsString(signed), null, null, null), countedPath);
        audit.record("ISSUE", "certificate", id, person.residenceUnitPath(), number);
        events.publishEvent(new CertificateIssued("certificate-issued:" + id, id, person.id(), passed.targetGroup(),
                person.residenceUnitPath(), countedPath, now));
    }

    private int freeStatusIndex(String issuerCode) {
        for (int tries = 0; tries < 64; tries++) {
            int index = random.nextInt(StatusList.SIZE);
            if (!repo.statusIndexTaken(issuerCode, index)) {
                return index;
            }
        }
        throw new IllegalStateException("status list of " + issuerCode + " is nearly full");
    }

    /** The province at the root of the holder's residence: it issues and signs. */
    private Unit issuerOf(String unitPath) {
        long rootId = Long.parseLong(unitPath.split("/")[1]);
        return units.find(rootId).orElseThrow();
    }

    private String issuerId(String issuerCode) {
        return props.publicUrl() + "/issuers/" + issuerCode;
    }

    private String issuerName(Unit issuer) {
        return messages.getMessage("certificate.issuerName", new Object[] {lowerFirst(issuer.name())}, VI);
    }

    /** An Open Badges 3.0 credential; the subject is named only by a salted hash of the full name. */
    private ObjectNode credential(String id, Unit issuer, String fullName, TargetGroup group, String frameworkVersion,
                                  int score, Instant issuedAt, int statusIndex) {
        ObjectNode c = JSON.createObjectNode();
        ArrayNode context = c.putArray("@context");
        context.add("https://www.w3.org/ns/credentials/v2");
        context.add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
        c.put("id", props.publicUrl() + "/credentials/" + id);
        c.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
        c.put("name", messages.getMessage("certificate.credentialName", null, VI));
        ObjectNode issuerNode = c.putObject("issuer");
        issuerNode.put("id", issuerId(issuer.code()));
        issuerNode.putArray("type").add("Profile");
        issuerNode.put("name", issuerName(issuer));
        c.put("validFrom", issuedAt.toString());
        ObjectNode subject = c.putObject("credentialSubject");
        subject.putArray("type").add("AchievementSubject");
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        String saltHex = HexFormat.of().formatHex(salt);
        ObjectNode identity = subject.putArray("identifier").addObject();
        identity.put("type", "IdentityObject");
        identity.put("identityHash", nameHash(fullName, saltHex));
        identity.put("identityType", "name");
        identity.put("hashed", true);
        identity.put("salt", saltHex);
        ObjectNode achievement = subject.putObject("achievement");
        achievement.put("id", props.publicUrl() + "/achievements/KNS-" + group.name() + "-" + frameworkVersion);
        achievement.putArray("type").add("Achievement");
        achievement.put("name", messages.getMessage("certificate.achievement." + group.name(), null, VI));
        achievement.put("description", messages.getMessage("certificate.achievementDescription",
                new Object[] {frameworkVersion}, VI));
        achievement.putObject("criteria").put("narrative",
                messages.getMessage("certificate.criteria", new Object[] {frameworkVersion}, VI));
        achievement.put("achievementType", "Certificate");
        ObjectNode status = c.putObject("credentialStatus");
        String list = props.publicUrl() + "/credentials/status/" + issuer.code();
        status.put("id", list + "#" + statusIndex);
        status.put("type", "BitstringStatusListEntry");
        status.put("statusPurpose", "revocation");
        status.put("statusListIndex", Integer.toString(statusIndex));
        status.put("statusListCredential", list);
        return c;
    }

    /** Open Badges' salted identity hash: "sha256$" + hex(SHA-256(identity + salt)). */
    public static String nameHash(String fullName, String salt) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((VietnameseText.clean(fullName) + salt).getBytes(StandardCharsets.UTF_8));
            return "sha256$" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- reading ---------------------------------------------------------------------------

    public List<Certificate> mine() {
        AppUser user = CurrentUser.require();
        if (user.personId() == null) {
            return List.of();
        }
        return repo.ofPerson(user.personId()).stream().map(this::view).toList();
    }

    public Optional<String> forAttempt(String attemptId) {
        AppUser user = CurrentUser.require();
        return repo.byAttempt(attemptId).filter(r -> user.personId() != null && r.personId() == user.personId())
                .map(Row::id);
    }

    /** A certificate for its holder, or for an officer whose unit covers the holder's (audited). */
    @Transactional
    public Certificate get(String id) {
        return view(readable(id));
    }

    private Row readable(String id) {
        AppUser user = CurrentUser.require();
        Row row = repo.find(id).orElseThrow(() -> new NotFoundException("certificate.notFound"));
        if (user.personId() != null && row.personId() == user.personId()) {
            return row;
        }
        if (!user.canActOn(row.unitPath(), READERS)) {
            throw new NotFoundException("certificate.notFound");
        }
        audit.record("READ", "certificate", id, row.unitPath(), null);
        return row;
    }

    @Transactional
    public String credentialJson(String id) {
        return readable(id).credential();
    }

    @Transactional
    public byte[] pdf(String id) {
        Row row = readable(id);
        Certificate c = view(row);
        LocalDate day = LocalDate.ofInstant(row.issuedAt(), VIETNAM);
        Unit issuer = units.findByCode(row.issuerCode()).orElseThrow();
        String place = issuer.name().replaceFirst("^(Tỉnh|Thành phố|tỉnh|thành phố)\\s+", "");
        return pdf.render(new CertificateSheet(
                msg("certificate.pdf.country"), msg("certificate.pdf.motto"),
                c.issuerName().toUpperCase(VI), msg("certificate.pdf.title"), msg("certificate.pdf.subtitle"),
                msg("certificate.pdf.holder"), c.holderName(), null,
                messages.getMessage("certificate.pdf.achievement",
                        new Object[] {lowerFirst(c.achievementName()), row.scorePercent() == null ? "" : row.scorePercent()},
                        VI),
                messages.getMessage("certificate.pdf.placeDate",
                        new Object[] {place, day.getDayOfMonth(), day.getMonthValue(), day.getYear()}, VI),
                msg("certificate.pdf.number"), row.number(), msg("certificate.pdf.verify"), c.verifyUrl()));
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private String msg(String key) {
        return messages.getMessage(key, null, VI);
    }

    private Certificate view(Row r) {
        JsonNode credential = JSON.readTree(r.credential());
        String holder = persons.find(r.personId()).map(PersonDirectory.PersonRef::fullName).orElse("");
        return new Certificate(r.id(), r.number(), r.issuerCode(), credential.path("issuer").path("name").asString(""),
                r.personId(), holder, r.targetGroup(),
                credential.path("credentialSubject").path("achievement").path("name").asString(""), r.scorePercent(),
                r.issuedAt(), r.revokedAt(), r.revocationReason(), verifyUrl(r.id()));
    }

    public String verifyUrl(String id) {
        return props.publicUrl() + "/verify/" + id;
    }

    // ---- verification (public) -------------------------------------------------------------

    /** Verifies the certificate the platform holds under this id: signature, status and dates. */
    public Verification verify(String id) {
        Optional<Row> row = repo.find(id);
        if (row.isEmpty()) {
            return notFound(id);
        }
        return check((ObjectNode) JSON.readTree(row.get().credential()), row.get());
    }

    private static final java.util.regex.Pattern LINKED_ID = java.util.regex.Pattern.compile(
            ".*/verify/([0-9a-fA-F-]{36})(?:[?#/].*)?");
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[0-9A-Z.]{1,20}-[0-9]{4}-[0-9A-F]{8}");

    /**
     * Verifies what a person has in hand: the number printed on the paper (spaces and case as typed)
     * or the link its QR code holds.
     */
    public Verification verifyTyped(String typed) {
        String text = typed == null ? "" : typed.strip();
        java.util.regex.Matcher link = LINKED_ID.matcher(text);
        if (link.matches()) {
            return verify(link.group(1).toLowerCase(Locale.ROOT));
        }
        if (text.matches("[0-9a-fA-F-]{36}")) {
            return verify(text.toLowerCase(Locale.ROOT));
        }
        String number = text.replaceAll("\\s+", "").replace('–', '-').toUpperCase(Locale.ROOT);
        if (!NUMBER.matcher(number).matches()) {
            throw new BusinessException("verify.badNumber");
        }
        return repo.byNumber(number).map(r -> verify(r.id())).orElseGet(() -> notFound(number));
    }

    /**
     * Verifies a credential document as a holder presents it (a file, a wallet): the signature is
     * checked on the document itself, so any change to it shows; status comes from the registry.
     */
    public Verification verifyDocument(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (RuntimeException e) {
            return invalid(null, List.of("credential.notJson"));
        }
        if (!(node instanceof ObjectNode doc)) {
            return invalid(null, List.of("credential.notJson"));
        }
        String prefix = props.publicUrl() + "/credentials/";
        String credentialId = doc.path("id").asString("");
        if (!credentialId.startsWith(prefix)) {
            return invalid(null, List.of("credential.notOurs"));
        }
        String id = credentialId.substring(prefix.length());
        Optional<Row> row = repo.find(id);
        if (row.isEmpty()) {
            return invalid(id, List.of("credential.unknown"));
        }
        return check(doc, row.get());
    }

    private Verification check(ObjectNode doc, Row row) {
        List<String> problems = new ArrayList<>();
        DataIntegrity.Verification signature = integrity.verify(doc, this::publicKey);
        if (!signature.valid()) {
            problems.add("credential." + signature.problem());
        }
        boolean notRevoked = row.revokedAt() == null;
        if (!notRevoked) {
            problems.add("credential.revoked");
        }
        boolean withinDates = withinDates(doc);
        if (!withinDates) {
            problems.add("credential.outsideDates");
        }
        Verification.Status status = !signature.valid() ? Verification.Status.INVALID
                : !notRevoked ? Verification.Status.REVOKED
                : !withinDates ? Verification.Status.INVALID : Verification.Status.VALID;
        Certificate c = view(row);
        return new Verification(row.id(), status, signature.valid(), notRevoked, withinDates, problems,
                localized(problems), row.number(), c.achievementName(), mask(c.holderName()), c.issuerName(),
                row.issuedAt(), row.revokedAt(), row.revocationReason());
    }

    private boolean withinDates(ObjectNode doc) {
        Instant now = clock.instant();
        try {
            Instant from = Instant.parse(doc.path("validFrom").asString(""));
            if (from.isAfter(now.plusSeconds(300))) {
                return false;
            }
            String until = doc.path("validUntil").asString("");
            return until.isEmpty() || Instant.parse(until).isAfter(now);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Optional<java.security.PublicKey> publicKey(String verificationMethod) {
        String prefix = props.publicUrl() + "/issuers/";
        if (!verificationMethod.startsWith(prefix) || !verificationMethod.contains("#")) {
            return Optional.empty();
        }
        String rest = verificationMethod.substring(prefix.length());
        String code = rest.substring(0, rest.indexOf('#'));
        return keys.publicKey(code, rest.substring(rest.indexOf('#') + 1));
    }

    private Verification notFound(String id) {
        List<String> problems = List.of("credential.unknown");
        return new Verification(id, Verification.Status.NOT_FOUND, false, false, false, problems, localized(problems),
                null, null, null, null, null, null, null);
    }

    private Verification invalid(String id, List<String> problems) {
        return new Verification(id, Verification.Status.INVALID, false, false, false, problems, localized(problems),
                null, null, null, null, null, null, null);
    }

    private List<String> localized(List<String> keys) {
        Locale locale = LocaleContextHolder.getLocale();
        return keys.stream().map(k -> messages.getMessage(k, null, k, locale)).toList();
    }

    /** "Nguyễn Thị Lan" → "Nguyễn T. L.": enough to match the paper, not enough to find the person. */
    static String mask(String fullName) {
        String[] parts = fullName.trim().split("\\s+");
        if (parts.length == 0 || parts[0].isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            out.append(' ').append(parts[i].codePoints().limit(1)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)).append('.');
        }
        return out.toString();
    }

    // ---- revocation, status list, issuer keys ---------------------------------------------

    @Transactional
    public Verification revoke(String id, String reason) {
        AppUser user = CurrentUser.require();
        Row row = repo.find(id).orElseThrow(() -> new NotFoundException("certificate.notFound"));
        if (!user.canActOn(row.unitPath(), REVOKERS)) {
            throw new ForbiddenException("certificate.revokeForbidden");
        }
        String why = reason == null ? null : VietnameseText.clean(reason);
        if (why == null || why.isBlank() || why.length() > 500) {
            throw new BusinessException("certificate.reasonRequired");
        }
        Instant now = clock.instant();
        if (!repo.revoke(id, now, user.username(), why)) {
            throw new vn.binhdan.shared.ConflictException("certificate.alreadyRevoked");
        }
        statusLists.remove(row.issuerCode());
        audit.record("REVOKE", "certificate", id, row.unitPath(), why);
        events.publishEvent(new CertificateRevoked("certificate-revoked:" + id, id, row.personId(), row.targetGroup(),
                row.unitPath(), repo.countedPath(id), why, now));
        return verify(id);
    }

    /** The issuer's signed Bitstring Status List credential. */
    @Transactional
    public String statusList(String issuerCode) {
        Unit issuer = units.findByCode(issuerCode).orElseThrow(() -> new NotFoundException("issuer.notFound"));
        return statusLists.computeIfAbsent(issuerCode, code -> {
            ObjectNode c = JSON.createObjectNode();
            c.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
            String listId = props.publicUrl() + "/credentials/status/" + code;
            c.put("id", listId);
            c.putArray("type").add("VerifiableCredential").add("BitstringStatusListCredential");
            c.put("issuer", issuerId(code));
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            c.put("validFrom", now.toString());
            ObjectNode subject = c.putObject("credentialSubject");
            subject.put("id", listId + "#list");
            subject.put("type", "BitstringStatusList");
            subject.put("statusPurpose", "revocation");
            subject.put("encodedList", StatusList.encode(repo.revokedIndexes(code)));
            IssuerKeys.SigningKey key = keys.signing(issuer.code());
            return JSON.writeValueAsString(integrity.sign(c, issuerId(code) + "#" + key.keyId(), key.privateKey(), now));
        });
    }

    /** The issuer's published profile and keys (current and retired), as a controller document. */
    public String issuerDocument(String issuerCode) {
        Unit issuer = units.findByCode(issuerCode).orElseThrow(() -> new NotFoundException("issuer.notFound"));
        String id = issuerId(issuerCode);
        return JSON.writeValueAsString(Multikey.controllerDocument(id, issuerName(issuer),
                keys.byVerificationMethod(id, issuerCode)));
    }

    /** Starts signing with a new key; certificates signed with the old one keep verifying. */
    @Transactional
    public String rotateKey(String issuerCode) {
        AppUser user = CurrentUser.require();
        Unit issuer = units.findByCode(issuerCode).orElseThrow(() -> new NotFoundException("issuer.notFound"));
        if (!user.canActOn(issuer.path(), REVOKERS)) {
            throw new ForbiddenException("certificate.keysForbidden");
        }
        keys.signing(issuerCode);
        String keyId = keys.rotate(issuerCode);
        statusLists.remove(issuerCode);
        audit.record("ROTATE_KEY", "issuer_key", issuerCode + "#" + keyId, issuer.path(), null);
        return keyId;
    }
}
