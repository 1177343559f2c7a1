package vn.binhdan.shared.secrets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start with a secret that protects nothing. Runs before any bean (and before the
 * database is touched), once the configuration files and profiles are read.
 *
 * <p>The demo profile must start with no setup at all, yet a demo install on a laptop in a
 * commune office holds real-looking data: it gets its own random secrets on first start, kept
 * beside its database (file mode 600), rather than values anyone can read in this repository.
 */
public class SecretsGuard implements EnvironmentPostProcessor, Ordered {

    static final String DEMO_FILE_PROPERTY = "binhdan.demo.secrets-file";
    static final String DEMO_FILE_DEFAULT = "./data/secrets.properties";

    @Override
    public int getOrder() {
        // after the configuration files, so that profiles and application.yml are known
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        boolean test = env.acceptsProfiles(Profiles.of("test"));
        if (env.acceptsProfiles(Profiles.of("demo"))) {
            provideDemoSecrets(env);
        }
        List<Secrets.Finding> findings = Secrets.check(env, test);
        if (!findings.isEmpty()) {
            throw new UnsafeSecretsException(findings);
        }
    }

    private static void provideDemoSecrets(ConfigurableEnvironment env) {
        List<Secrets.Secret> missing = Secrets.check(env, false).stream()
                .filter(f -> f.problem() == Secrets.Problem.MISSING).map(Secrets.Finding::secret).toList();
        if (missing.isEmpty()) {
            return;
        }
        Path file = Path.of(env.getProperty(DEMO_FILE_PROPERTY, DEMO_FILE_DEFAULT));
        Properties stored = load(file);
        boolean changed = false;
        for (Secrets.Secret s : missing) {
            if (!stored.containsKey(s.property())) {
                stored.setProperty(s.property(), random());
                changed = true;
            }
        }
        if (changed) {
            save(file, stored);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        // only the secrets nobody set: whatever an operator configured still wins
        missing.forEach(s -> values.put(s.property(), stored.getProperty(s.property())));
        env.getPropertySources().addFirst(new MapPropertySource("binhdanDemoSecrets", values));
    }

    static String random() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the demo secrets in " + file, e);
            }
        }
        return p;
    }

    private static void save(Path file, Properties p) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = dir.resolve(file.getFileName() + ".new");
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                throw new IllegalStateException(e);
            }
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "Secrets of this demo install, made on its first start. Keep them: the ID numbers"
                        + " and certificate keys in ./data are sealed with them.");
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo secrets to " + file, e);
        }
    }
}
