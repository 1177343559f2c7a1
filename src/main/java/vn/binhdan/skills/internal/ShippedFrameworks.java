package vn.binhdan.skills.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import vn.binhdan.skills.FrameworkService;

/** Installs the framework files shipped in the repository on start, once per version. */
@Component
@Order(10)
class ShippedFrameworks implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ShippedFrameworks.class);

    private final FrameworkService frameworks;

    ShippedFrameworks(FrameworkService frameworks) {
        this.frameworks = frameworks;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:content/skills/framework-*.json");
        Arrays.sort(files, Comparator.comparing(Resource::getFilename));
        for (Resource file : files) {
            if (frameworks.installIfAbsent(file.getContentAsString(StandardCharsets.UTF_8))) {
                log.info("Installed skills framework {}", file.getFilename());
            }
        }
    }
}
