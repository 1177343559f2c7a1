package vn.binhdan.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * One temporary folder per test run, under which the applications the tests start keep their
 * imports and confirmation files ({@code binhdan.test.tmp} in application-test.yml), removed when
 * the run ends: the runs used to leave a folder behind per test context. Each run has its own, so
 * builds running side by side never remove each other's files.
 */
public class TestTempFolders implements LauncherSessionListener {

    public static final String PROPERTY = "binhdan.test.tmp";

    private Path root;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        root = Path.of(System.getProperty("java.io.tmpdir"), "binhdan-test-" + UUID.randomUUID());
        System.setProperty(PROPERTY, root.toString());
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a file still held open is left for the system's own temp cleaning
                }
            });
        } catch (IOException e) {
            // as above
        }
        System.clearProperty(PROPERTY);
    }
}
