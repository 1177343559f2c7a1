package vn.binhdan.skills.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import vn.binhdan.shared.SystemUser;
import vn.binhdan.shared.shipped.ShippedReleases;
import vn.binhdan.skills.FrameworkService;

/**
 * Installs the framework editions shipped in the repository on start, each once: a release's new
 * edition is added (and made current while the province runs shipped editions), an installed one
 * is never rewritten.
 */
@Component
@Order(10)
public class ShippedFrameworks implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ShippedFrameworks.class);

    private final FrameworkService frameworks;

    ShippedFrameworks(FrameworkService frameworks) {
        this.frameworks = frameworks;
    }

    /** The shipped framework documents, oldest edition first (by file name). */
    public static List<String> documents() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:content/skills/framework-*.json");
        Arrays.sort(files, Comparator.comparing(Resource::getFilename));
        List<String> out = new ArrayList<>();
        for (Resource file : files) {
            out.add(file.getContentAsString(StandardCharsets.UTF_8));
        }
        return out;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        List<String> documents = documents();
        for (int i = 0; i < documents.size(); i++) {
            String document = documents.get(i);
            boolean newest = i == documents.size() - 1;
            ShippedReleases.Outcome outcome = SystemUser.call(SystemUser.SYSTEM,
                    () -> frameworks.installShipped(document, newest));
            switch (outcome) {
                case INSTALLED -> log.info("Installed skills framework edition {} of {}", i + 1, documents.size());
                case KEPT_LOCAL_EDITS -> log.warn("A shipped framework edition differs from the stored one of the same "
                        + "version, which is never rewritten; a publisher can compare them "
                        + "(GET /api/v1/skills/frameworks/shipped-updates) and publish it as a new edition");
                default -> { }
            }
        }
    }
}
