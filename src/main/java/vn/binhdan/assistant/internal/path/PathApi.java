package vn.binhdan.assistant.internal.path;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.binhdan.assistant.LearningPathService;
import vn.binhdan.assistant.MasteryService;
import vn.binhdan.assistant.PlacementService;
import vn.binhdan.people.TargetGroup;

/** The learner's path and placement check, and a unit's competencies for its officers, as JSON. */
@RestController
class PathApi {

    private final LearningPathService paths;
    private final PlacementService placements;
    private final MasteryService mastery;

    PathApi(LearningPathService paths, PlacementService placements, MasteryService mastery) {
        this.paths = paths;
        this.placements = placements;
        this.mastery = mastery;
    }

    @GetMapping("/api/v1/me/path")
    LearningPathService.LearningPath path() {
        return paths.mine();
    }

    record StartRequest(TargetGroup targetGroup) {
    }

    @PostMapping("/api/v1/me/placement")
    PlacementService.Placement start(@RequestBody(required = false) StartRequest body) {
        return placements.start(body == null ? null : body.targetGroup());
    }

    @GetMapping("/api/v1/me/placement/{id}")
    PlacementService.Placement get(@PathVariable long id) {
        return placements.get(id);
    }

    /** {@code question} is the code of the question answered; {@code answer} option indexes (in order for ordering). */
    record AnswerRequest(String question, List<Integer> answer) {
    }

    @PostMapping("/api/v1/me/placement/{id}/answers")
    PlacementService.Placement answer(@PathVariable long id, @RequestBody AnswerRequest body) {
        return placements.answer(id, body.question(), body.answer());
    }

    @GetMapping("/api/v1/units/{unitId}/competency-mastery")
    MasteryService.UnitMastery unit(@PathVariable long unitId) {
        return mastery.unit(unitId);
    }
}
