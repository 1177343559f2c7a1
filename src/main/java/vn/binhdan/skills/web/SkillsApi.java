package vn.binhdan.skills.web;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.binhdan.skills.Framework;
import vn.binhdan.skills.FrameworkService;

@RestController
@RequestMapping("/api/v1/skills/frameworks")
class SkillsApi {

    private final FrameworkService frameworks;

    SkillsApi(FrameworkService frameworks) {
        this.frameworks = frameworks;
    }

    @GetMapping
    List<FrameworkService.VersionInfo> versions() {
        return frameworks.versions();
    }

    @GetMapping("/current")
    Framework current() {
        return frameworks.current();
    }

    @GetMapping("/{version}")
    Framework version(@PathVariable String version) {
        return frameworks.get(version);
    }

    /** Publishes a new version (the framework file's JSON) as the current one. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Framework publish(@RequestBody String document) {
        return frameworks.publish(document);
    }
}
