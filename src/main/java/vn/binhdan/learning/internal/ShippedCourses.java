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
import vn.binhdan.learning.CourseStatus;

/**
 * Installs the courses shipped in the repository (unpacked packages under content/courses/),
 * through the same checks as an uploaded package, once per course code.
 */
@Component
@Order(20)
class ShippedCourses implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ShippedCourses.class);

    private final CourseService courses;
    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    ShippedCourses(CourseService courses) {
        this.courses = courses;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        for (Resource manifest : resolver.getResources("classpath*:content/courses/*/manifest.json")) {
            String code = JsonMapper.builder().build().readTree(manifest.getContentAsByteArray())
                    .path("code").asString("");
            if (courses.exists(code)) {
                continue;
            }
            String url = manifest.getURL().toString();
            String base = url.substring(0, url.length() - "manifest.json".length());
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (Resource file : resolver.getResources(base + "**")) {
                String path = file.getURL().toString().substring(base.length());
                if (!path.isEmpty() && !path.endsWith("/") && file.isReadable()) {
                    files.put(path, file.getContentAsByteArray());
                }
            }
            courses.install(files, "system", CourseStatus.PUBLISHED);
            log.info("Installed course {} ({} files)", code, files.size());
        }
    }
}
