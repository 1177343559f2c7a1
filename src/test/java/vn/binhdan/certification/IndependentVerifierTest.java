package vn.binhdan.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import vn.binhdan.certification.internal.DataIntegrity;
import vn.binhdan.certification.internal.Multikey;

/**
 * Credentials signed here verify with an independent implementation: Digital Bazaar's
 * {@code @digitalbazaar/vc}, {@code data-integrity} and {@code eddsa-rdfc-2022-cryptosuite}
 * (jsonld.js in safe mode, rdf-canonize), with the context copies shipped in their npm packages
 * ({@code src/test/node/vc-verify}). No Spring.
 *
 * <p>Needs {@code node} (and {@code npm} the first time) on the PATH; without them the test is
 * skipped with a message. {@code node_modules} is installed once with {@code npm ci} (from the
 * committed, pinned {@code package-lock.json}) and reused by later runs.
 */
public class IndependentVerifierTest {

    static final Path VERIFIER = Path.of("src", "test", "node", "vc-verify").toAbsolutePath();
    static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    static final Duration NPM_TIMEOUT = Duration.ofMinutes(10);
    static final Duration NODE_TIMEOUT = Duration.ofSeconds(60);

    static final DataIntegrity INTEGRITY = new DataIntegrity();

    @BeforeAll
    public static void nodeAndItsModules() throws Exception {
        assertThat(VERIFIER.resolve("verify.mjs")).as("run from the project directory").exists();
        requireTool("node");
        Path installed = VERIFIER.resolve("node_modules").resolve(".package-lock.json");
        Path lock = VERIFIER.resolve("package-lock.json");
        if (Files.exists(installed)
                && Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(lock)) >= 0) {
            return;
        }
        requireTool("npm");
        Path log = Files.createTempFile("vc-verify-npm-ci", ".log");
        Result npm = run(List.of(WINDOWS ? "npm.cmd" : "npm", "ci", "--no-audit", "--no-fund"), NPM_TIMEOUT, log);
        if (npm.exitCode() != 0) {
            fail("npm ci in " + VERIFIER + " failed (exit " + npm.exitCode() + "):\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        // npm ci keeps the lock file's time; mark the install as newer than the lock it came from
        Files.setLastModifiedTime(installed, FileTime.from(Instant.now()));
    }

    @Test
    void genuineCredentialVerifiesAndAnAlteredCopyDoesNot(@TempDir Path dir) throws Exception {
        KeyPair key = DataIntegrityTest.newKeyPair();
        ObjectNode signed = INTEGRITY.sign(DataIntegrityTest.sampleCredential(), DataIntegrityTest.KEY_1,
                key.getPrivate(), Instant.now());
        Path profile = write(dir, "profile.json", Multikey.controllerDocument(DataIntegrityTest.ISSUER,
                "Ủy ban nhân dân tỉnh Đắk Lắk", Map.of(DataIntegrityTest.KEY_1, key.getPublic())));

        JsonNode genuine = verify(write(dir, "genuine.json", signed), profile, 0);
        assertThat(genuine.get("verified").booleanValue()).as(genuine.toString()).isTrue();

        ObjectNode altered = signed.deepCopy();
        ((ObjectNode) altered.get("credentialSubject").get("achievement")).put("name", "Kỹ năng số nâng cao — người dân");
        JsonNode forged = verify(write(dir, "altered.json", altered), profile, 1);
        assertThat(forged.get("verified").booleanValue()).isFalse();
        assertThat(forged.get("error").stringValue()).contains("Invalid signature");
    }

    @Test
    void oldKeyStillVerifiesAfterRotationAndUndefinedTermsAreRefused(@TempDir Path dir) throws Exception {
        KeyPair key1 = DataIntegrityTest.newKeyPair();
        KeyPair key2 = DataIntegrityTest.newKeyPair();
        ObjectNode beforeRotation = INTEGRITY.sign(DataIntegrityTest.sampleCredential(), DataIntegrityTest.KEY_1,
                key1.getPrivate(), Instant.now());
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        keys.put(DataIntegrityTest.KEY_2, key2.getPublic());
        keys.put(DataIntegrityTest.KEY_1, key1.getPublic());
        Path profile = write(dir, "profile.json",
                Multikey.controllerDocument(DataIntegrityTest.ISSUER, "Ủy ban nhân dân tỉnh Đắk Lắk", keys));

        JsonNode rotated = verify(write(dir, "before-rotation.json", beforeRotation), profile, 0);
        assertThat(rotated.get("verified").booleanValue()).as(rotated.toString()).isTrue();

        // like DataIntegrity (document.malformed), the JS side refuses what no context defines
        ObjectNode undefined = beforeRotation.deepCopy();
        ((ObjectNode) undefined.get("credentialSubject")).put("birthDate", "1990-01-01");
        JsonNode refused = verify(write(dir, "undefined-term.json", undefined), profile, 1);
        assertThat(refused.get("error").stringValue()).contains("Safe mode").contains("birthDate");

        Path withoutOldKey = write(dir, "profile-key-2.json", Multikey.controllerDocument(DataIntegrityTest.ISSUER,
                "Ủy ban nhân dân tỉnh Đắk Lắk", Map.of(DataIntegrityTest.KEY_2, key2.getPublic())));
        JsonNode unknownKey = verify(write(dir, "before-rotation-2.json", beforeRotation), withoutOldKey, 1);
        assertThat(unknownKey.get("verified").booleanValue()).isFalse();

        // usage error
        Result usage = run(List.of(WINDOWS ? "node.exe" : "node", "verify.mjs"), NODE_TIMEOUT, null);
        assertThat(usage.exitCode()).isEqualTo(2);
    }

    // --- helpers -------------------------------------------------------------------------------

    public static JsonNode verify(Path credential, Path controllerDocument, int expectedExitCode) throws Exception {
        Result result = run(List.of(WINDOWS ? "node.exe" : "node", "verify.mjs",
                credential.toString(), controllerDocument.toString()), NODE_TIMEOUT, null);
        assertThat(result.exitCode()).as("exit code; stdout: %s", result.stdout()).isEqualTo(expectedExitCode);
        String line = result.stdout().strip();
        assertThat(line).as("one JSON line").doesNotContain("\n").startsWith("{");
        return DataIntegrityTest.JSON.readTree(line);
    }

    static Path write(Path dir, String name, ObjectNode json) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, DataIntegrityTest.JSON.writeValueAsString(json), StandardCharsets.UTF_8);
        return file;
    }

    record Result(int exitCode, String stdout) {}

    /** Runs a command in the verifier's folder; its output goes to {@code log} if given. */
    static Result run(List<String> command, Duration timeout, Path log) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(VERIFIER.toFile());
        Path stdout = log != null ? log : Files.createTempFile("vc-verify", ".out");
        builder.redirectOutput(stdout.toFile());
        if (log != null) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        }
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within " + timeout);
        }
        String output = Files.readString(stdout, StandardCharsets.UTF_8);
        if (log == null) {
            Files.deleteIfExists(stdout);
        }
        return new Result(process.exitValue(), output);
    }

    static void requireTool(String name) {
        boolean found = false;
        List<String> names = new ArrayList<>(List.of(name));
        if (WINDOWS) {
            names = List.of(name + ".exe", name + ".cmd");
        }
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String candidate : names) {
                if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, candidate))) {
                    found = true;
                }
            }
        }
        if (!found) {
            String message = "SKIPPED: '" + name + "' is not on the PATH, so credentials are NOT checked against "
                    + "the independent JavaScript verifier (src/test/node/vc-verify). Install Node.js 20+ to run it.";
            System.err.println("\n" + "!".repeat(100) + "\n" + message + "\n" + "!".repeat(100) + "\n");
            Assumptions.assumeTrue(false, message);
        }
    }
}
