package vn.binhdan.learning.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.binhdan.learning.CourseService;
import vn.binhdan.shared.SystemUser;

/**
 * Installs the courses shipped in the repository (unpacked packages under content/courses/),
 * through the same checks as an uploaded package, and brings installed ones up to this release
 * unless the province edited them.
 */
@Component
@Order(20)
public class ShippedCourses implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ShippedCourses.class);

    private final CourseService courses;

    ShippedCourses(CourseService courses) {
        this.courses = courses;
    }

    /** The files of each course this release ships, by course code. */
    public static Map<String, Map<String, byte[]>> read() throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Map<String, Map<String, byte[]>> out = new LinkedHashMap<>();
        for (Resource manifest : resolver.getResources("classpath*:content/courses/*/manifest.json")) {
            String url = manifest.getURL().toString();
            String base = url.substring(0, url.length() - "manifest.json".length());
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (Resource file : resolver.getResources(base + "**")) {
                String path = file.getURL().toString().substring(base.length());
                if (!path.isEmpty() && !path.endsWith("/") && file.isReadable()) {
                    files.put(path, file.getContentAsByteArray());
                }
            }
            out.put(JsonMapper.builder().build().readTree(files.get("manifest.json")).path("code").asString(""), files);
        }
        return out;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        for (Map.Entry<String, Map<String, byte[]>> shipped : read().entrySet()) {
            String code = shipped.getKey();
            Map<String, byte[]> files = shipped.getValue();
            CourseService.ShippedOutcome outcome = SystemUser.call(SystemUser.SYSTEM, () -> courses.installShipped(files));
            switch (outcome) {
                case INSTALLED -> log.info("Installed course {} ({} files)", code, files.size());
                case UPGRADED -> log.info("Brought course {} up to this release", code);
                case KEPT_LOCAL_EDITS -> log.warn("Course {} was edited here, so this release's version of it is not "
                        + "installed; an author can compare them (GET /api/v1/courses/shipped-updates)", code);
                case UNCHANGED -> { }
            }
        }
    }
}
