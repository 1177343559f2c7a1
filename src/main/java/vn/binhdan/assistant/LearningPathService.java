package vn.binhdan.assistant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhdan.learning.Course;
import vn.binhdan.learning.CourseProgress;
import vn.binhdan.learning.CourseService;
import vn.binhdan.learning.LearningService;
import vn.binhdan.people.PersonDirectory;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.skills.Framework;
import vn.binhdan.skills.FrameworkService;

/**
 * A learner's path through the courses meant for them: in each course's order, lessons already
 * done, lessons skipped because every competency they teach is mastered, and the lessons still
 * to do; the first of those is the next best lesson.
 */
@Service
@Transactional(readOnly = true)
public class LearningPathService {

    private final CourseService courses;
    private final LearningService learning;
    private final PersonDirectory persons;
    private final MasteryService mastery;
    private final PlacementService placements;
    private final FrameworkService frameworks;

    public LearningPathService(CourseService courses, LearningService learning, PersonDirectory persons,
                               MasteryService mastery, PlacementService placements, FrameworkService frameworks) {
        this.courses = courses;
        this.learning = learning;
        this.persons = persons;
        this.mastery = mastery;
        this.placements = placements;
        this.frameworks = frameworks;
    }

    public enum StepStatus {
        DONE, SKIP, TODO
    }

    public record Step(String courseCode, String courseTitle, boolean enrolled, String lessonCode, String lessonTitle,
                       int minutes, List<String> competencies, StepStatus status) {
    }

    /**
     * {@code placed} tells whether a placement check was ever answered; without one nothing is
     * skipped and the page offers the check first.
     */
    public record LearningPath(boolean placed, boolean placementOpen, Step next, int skipped, int minutesSaved,
                               List<Step> steps, List<MasteryService.CompetencyMastery> mastery,
                               List<TargetGroup> groups, TargetGroup placementGroup) {
    }

    public LearningPath mine() {
        long personId = MasteryService.learner();
        Set<TargetGroup> groups = persons.groupsOf(personId);
        var latest = placements.latest();
        // what the learner last placed against, else the current framework
        Framework shown = latest.flatMap(x -> frameworks.find(x.frameworkVersion())).orElseGet(frameworks::current);
        List<MasteryService.CompetencyMastery> estimates = mastery.of(personId, shown);
        // each course is read against the framework version it was written for
        Map<String, Map<String, MasteryService.CompetencyMastery>> byVersion = new HashMap<>();

        // courses the learner studies first, in the order last studied, then the others meant for them
        Map<Long, CourseProgress> enrolled = new LinkedHashMap<>();
        learning.myCourses().forEach(p -> enrolled.put(p.course().id(), p));
        List<Course> ordered = new ArrayList<>();
        enrolled.values().forEach(p -> ordered.add(p.course()));
        for (Course c : courses.catalogue()) {
            if (!enrolled.containsKey(c.id()) && c.published() && c.isFor(groups)) {
                ordered.add(c);
            }
        }
        List<Step> steps = new ArrayList<>();
        Step next = null;
        int skipped = 0;
        int saved = 0;
        for (Course c : ordered) {
            CourseProgress p = enrolled.get(c.id());
            Map<String, MasteryService.CompetencyMastery> byCode = byVersion.computeIfAbsent(c.frameworkVersion(),
                    v -> {
                        Map<String, MasteryService.CompetencyMastery> m = new HashMap<>();
                        frameworks.find(v).ifPresent(f -> mastery.of(personId, f).forEach(x -> m.put(x.competency(), x)));
                        return m;
                    });
            for (Course.LessonRef l : c.lessons()) {
                StepStatus status;
                if (p != null && p.isDone(l.id())) {
                    status = StepStatus.DONE;
                } else if (!l.competencies().isEmpty() && l.competencies().stream().allMatch(code -> byCode.containsKey(code)
                        && byCode.get(code).level() == MasteryService.MasteryLevel.MASTERED)) {
                    status = StepStatus.SKIP;
                    skipped++;
                    saved += l.minutes();
                } else {
                    status = StepStatus.TODO;
                }
                Step s = new Step(c.code(), c.title().text(), p != null, l.code(), l.title().text(), l.minutes(),
                        l.competencies(), status);
                steps.add(s);
                if (next == null && status == StepStatus.TODO) {
                    next = s;
                }
            }
        }
        boolean open = latest.map(x -> !x.finished()).orElse(false);
        boolean placed = latest.map(x -> x.asked() > 0).orElse(false);
        // a civil servant is also an adult citizen: they choose whose programme the check follows,
        // offered the one they chose last, else the one the check would pick by itself
        List<TargetGroup> mine = groups.stream().sorted().toList();
        TargetGroup offered = latest.map(PlacementService.Placement::targetGroup).filter(groups::contains)
                .orElse(mine.isEmpty() ? null : mine.getFirst());
        return new LearningPath(placed, open, next, skipped, saved, steps, estimates, mine, offered);
    }
}
