package vn.binhdan.bench;

import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.binhdan.certification.Certificates;
import vn.binhdan.certification.internal.DataIntegrity;

/**
 * The certification issue's figure: credential verifications per second on one core, beside raw
 * Ed25519 verifications per second (JDK {@code Signature}) on the same core, in the same run.
 * No database and no Spring: {@link DataIntegrity} directly, on credentials shaped as
 * {@code Certificates} issues them (Open Badges 3.0, {@code eddsa-rdfc-2022}, the shipped
 * message texts), each signed with its own salt, id and status index.
 *
 * <p>Three measurements, each on the calling thread only, over the same number N of signatures:
 * (a) raw Ed25519: {@code Signature.getInstance("Ed25519")}, {@code initVerify}, {@code update}
 * with a 64-byte message (the size of the data a proof signs: two SHA-256), {@code verify}, each
 * message and signature distinct; (b) {@code DataIntegrity.verify} of N distinct credentials, the
 * first verification of each (a fresh {@code DataIntegrity} per round, its context cache filled by
 * one unrelated credential first, so the round pays canonicalization and Ed25519 for every
 * credential); (c) the same N credentials verified again by the same instance, which remembers
 * signatures that verified and so skips Ed25519 but still canonicalizes. Warm-up rounds first;
 * the median of the measured rounds is reported.
 *
 * <pre>./mvnw -Pbench -DbuildDir=target-bench2 -DskipTests test-compile exec:exec \
 *     -Dbench.main=vn.binhdan.bench.VerifyBench -Dbench.args="2000 5 3"</pre>
 * Arguments: N (default 2,000), measured rounds (default 5), warm-up rounds (default 3).
 */
public final class VerifyBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PUBLIC_URL = "http://localhost:8080";
    private static final String ISSUER_CODE = "66";
    private static final String ISSUER_ID = PUBLIC_URL + "/issuers/" + ISSUER_CODE;
    private static final String METHOD = ISSUER_ID + "#key-1";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private VerifyBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        System.out.printf("machine %d cores, JDK %s (%s); one thread; N = %,d signatures per round, %d measured rounds after %d warm-up%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), System.getProperty("java.vm.name"), n, rounds,
                warmups);
        System.out.printf("load average before the start %s",
                java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")));

        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        PublicKey publicKey = keys.getPublic();
        Function<String, Optional<PublicKey>> lookup = vm -> METHOD.equals(vm) ? Optional.of(publicKey) : Optional.empty();
        Properties messages = messages();
        SecureRandom random = new SecureRandom();

        // ---- credentials as the platform issues them, signed once (not measured) ----
        long t = System.nanoTime();
        DataIntegrity signer = new DataIntegrity();
        List<ObjectNode> credentials = new ArrayList<>(n);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < n; i++) {
            credentials.add(signer.sign(credential(messages, random, "Người Thử Nghiệm " + i, now), METHOD,
                    keys.getPrivate(), now));
        }
        ObjectNode other = signer.sign(credential(messages, random, "Người Khởi Động", now), METHOD, keys.getPrivate(), now);
        String sample = JSON.writeValueAsString(credentials.getFirst());
        System.out.printf(Locale.ROOT, "setup   %,d credentials signed in %.1f s (%,.0f signatures/s including canonicalization); "
                + "a credential is %,d bytes of JSON%n", n, (System.nanoTime() - t) / 1e9, n / ((System.nanoTime() - t) / 1e9),
                sample.length());
        DataIntegrity check = new DataIntegrity();
        for (ObjectNode c : credentials) {
            if (!check.verify(c, lookup).valid()) {
                throw new IllegalStateException("a signed credential does not verify");
            }
        }

        // ---- raw Ed25519 over N distinct 64-byte messages ----
        byte[][] data = new byte[n][64];
        byte[][] sigs = new byte[n][];
        Signature signing = Signature.getInstance("Ed25519");
        for (int i = 0; i < n; i++) {
            random.nextBytes(data[i]);
            signing.initSign(keys.getPrivate());
            signing.update(data[i]);
            sigs[i] = signing.sign();
        }

        double[] raw = new double[rounds];
        double[] rawCpu = new double[rounds];
        double[] first = new double[rounds];
        double[] firstCpu = new double[rounds];
        double[] again = new double[rounds];
        double[] againCpu = new double[rounds];
        double[] bc = new double[rounds];
        // for comparison only: Bouncy Castle's Ed25519 (on the test classpath, not used by the platform)
        byte[] encoded = publicKey.getEncoded();
        org.bouncycastle.crypto.params.Ed25519PublicKeyParameters bcKey =
                new org.bouncycastle.crypto.params.Ed25519PublicKeyParameters(encoded, encoded.length - 32);
        for (int r = -warmups; r < rounds; r++) {
            // (a)
            long w0 = System.nanoTime();
            long c0 = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                Signature v = Signature.getInstance("Ed25519");
                v.initVerify(publicKey);
                v.update(data[i]);
                if (!v.verify(sigs[i])) {
                    throw new IllegalStateException("raw signature does not verify");
                }
            }
            double rawRate = n / ((System.nanoTime() - w0) / 1e9);
            double rawCpuRate = n / ((THREADS.getCurrentThreadCpuTime() - c0) / 1e9);
            w0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                org.bouncycastle.crypto.signers.Ed25519Signer v = new org.bouncycastle.crypto.signers.Ed25519Signer();
                v.init(false, bcKey);
                v.update(data[i], 0, data[i].length);
                if (!v.verifySignature(sigs[i])) {
                    throw new IllegalStateException("Bouncy Castle does not verify a JDK signature");
                }
            }
            double bcRate = n / ((System.nanoTime() - w0) / 1e9);
            // (b) first verification of each credential: a fresh instance, contexts processed on an unrelated one
            DataIntegrity integrity = new DataIntegrity();
            integrity.verify(other, lookup);
            w0 = System.nanoTime();
            c0 = THREADS.getCurrentThreadCpuTime();
            int valid = 0;
            for (ObjectNode c : credentials) {
                if (integrity.verify(c, lookup).valid()) {
                    valid++;
                }
            }
            double firstRate = n / ((System.nanoTime() - w0) / 1e9);
            double firstCpuRate = n / ((THREADS.getCurrentThreadCpuTime() - c0) / 1e9);
            // (c) the same credentials again: the signatures are remembered
            w0 = System.nanoTime();
            c0 = THREADS.getCurrentThreadCpuTime();
            for (ObjectNode c : credentials) {
                if (integrity.verify(c, lookup).valid()) {
                    valid++;
                }
            }
            double againRate = n / ((System.nanoTime() - w0) / 1e9);
            double againCpuRate = n / ((THREADS.getCurrentThreadCpuTime() - c0) / 1e9);
            if (valid != 2 * n) {
                throw new IllegalStateException("only " + valid + " of " + 2 * n + " verifications valid");
            }
            System.out.printf(Locale.ROOT, "%s %2d  (a) raw Ed25519 %,8.0f/s   (b) credential, first time %,7.0f/s   "
                            + "(c) credential, again %,7.0f/s   [per CPU second: %,.0f / %,.0f / %,.0f]   Bouncy Castle Ed25519 %,.0f/s%n",
                    r < 0 ? "warm-up" : "round  ", r < 0 ? r + warmups + 1 : r + 1, rawRate, firstRate, againRate,
                    rawCpuRate, firstCpuRate, againCpuRate, bcRate);
            if (r >= 0) {
                raw[r] = rawRate;
                rawCpu[r] = rawCpuRate;
                first[r] = firstRate;
                firstCpu[r] = firstCpuRate;
                again[r] = againRate;
                bc[r] = bcRate;
                againCpu[r] = againCpuRate;
            }
        }
        double a = median(raw);
        double b = median(first);
        double c = median(again);
        double perB = 1e3 / b;
        double perA = 1e3 / a;
        double perC = 1e3 / c;
        System.out.printf(Locale.ROOT, "%ntime per verification (medians): raw Ed25519 %.3f ms; credential %.3f ms = canonicalization "
                        + "and the rest ≈ %.3f ms (measured as (c)) + Ed25519 ≈ %.3f ms (b − c)%n", perA, perB, perC, perB - perC);
        System.out.printf(Locale.ROOT, "load average at the end %s",
                java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")));
        System.out.println();
        System.out.println("| figure | measured | baseline in the same run | ratio | target |");
        System.out.println("|---|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| credential verification, one thread, distinct credentials (first verification) | **%,.0f/s** "
                        + "(per CPU second %,.0f) | raw Ed25519 verify %,.0f/s (per CPU second %,.0f) | **%.2f** | — |%n",
                b, median(firstCpu), a, median(rawCpu), b / a);
        System.out.printf(Locale.ROOT, "| credential verification, one thread, the same credentials again (signature remembered) | %,.0f/s "
                        + "(per CPU second %,.0f) | raw Ed25519 verify %,.0f/s | %.2f | — |%n", c, median(againCpu), a, c / a);
        System.out.printf(Locale.ROOT, "%nfor comparison (not the baseline): Bouncy Castle's Ed25519 (bcprov on the test classpath) verifies "
                + "the same signatures at %,.0f/s on this thread, %.1f× the JDK's %,.0f/s%n", median(bc), median(bc) / a, a);
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static Properties messages() throws Exception {
        Properties p = new Properties();
        try (Reader in = new InputStreamReader(VerifyBench.class.getResourceAsStream("/i18n/messages.properties"),
                StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    private static String msg(Properties messages, String key, Object... args) {
        String text = messages.getProperty(key);
        if (text == null) {
            throw new IllegalStateException("no message " + key);
        }
        return args.length == 0 ? text : new MessageFormat(text, Locale.forLanguageTag("vi")).format(args);
    }

    /** The unsigned credential, field by field as {@code Certificates.credential(...)} builds it. */
    private static ObjectNode credential(Properties messages, SecureRandom random, String fullName, Instant issuedAt) {
        String frameworkVersion = "1.0";
        String group = "ADULT";
        int statusIndex = random.nextInt(vn.binhdan.certification.internal.StatusList.SIZE);
        ObjectNode c = JSON.createObjectNode();
        ArrayNode context = c.putArray("@context");
        context.add("https://www.w3.org/ns/credentials/v2");
        context.add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
        c.put("id", PUBLIC_URL + "/credentials/" + UUID.randomUUID());
        c.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
        c.put("name", msg(messages, "certificate.credentialName"));
        ObjectNode issuerNode = c.putObject("issuer");
        issuerNode.put("id", ISSUER_ID);
        issuerNode.putArray("type").add("Profile");
        issuerNode.put("name", msg(messages, "certificate.issuerName", "tỉnh Đắk Lắk"));
        c.put("validFrom", issuedAt.toString());
        ObjectNode subject = c.putObject("credentialSubject");
        subject.putArray("type").add("AchievementSubject");
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        String saltHex = HexFormat.of().formatHex(salt);
        ObjectNode identity = subject.putArray("identifier").addObject();
        identity.put("type", "IdentityObject");
        identity.put("identityHash", Certificates.nameHash(fullName, saltHex));
        identity.put("identityType", "name");
        identity.put("hashed", true);
        identity.put("salt", saltHex);
        ObjectNode achievement = subject.putObject("achievement");
        achievement.put("id", PUBLIC_URL + "/achievements/KNS-" + group + "-" + frameworkVersion);
        achievement.putArray("type").add("Achievement");
        achievement.put("name", msg(messages, "certificate.achievement." + group));
        achievement.put("description", msg(messages, "certificate.achievementDescription", frameworkVersion));
        achievement.putObject("criteria").put("narrative", msg(messages, "certificate.criteria", frameworkVersion));
        achievement.put("achievementType", "Certificate");
        ObjectNode status = c.putObject("credentialStatus");
        String list = PUBLIC_URL + "/credentials/status/" + ISSUER_CODE;
        status.put("id", list + "#" + statusIndex);
        status.put("type", "BitstringStatusListEntry");
        status.put("statusPurpose", "revocation");
        status.put("statusListIndex", Integer.toString(statusIndex));
        status.put("statusListCredential", list);
        return c;
    }
}
