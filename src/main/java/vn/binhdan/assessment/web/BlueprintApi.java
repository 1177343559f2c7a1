package vn.binhdan.assessment.web;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.binhdan.assessment.Blueprints;
import vn.binhdan.people.TargetGroup;

/** Exam rules per target group: readable by anyone signed in (learners see what awaits them), set by administrators. */
@RestController
@RequestMapping("/api/v1/exam-blueprints")
class BlueprintApi {

    private final Blueprints blueprints;

    BlueprintApi(Blueprints blueprints) {
        this.blueprints = blueprints;
    }

    @GetMapping
    List<Blueprints.WithSupply> all() {
        return blueprints.all();
    }

    @GetMapping("/{group}")
    Blueprints.WithSupply get(@PathVariable TargetGroup group) {
        return blueprints.get(group);
    }

    @PutMapping("/{group}")
    Blueprints.WithSupply set(@PathVariable TargetGroup group, @RequestBody Blueprints.BlueprintForm form) {
        return blueprints.set(group, form);
    }
}
