package vn.binhdan.learning.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.binhdan.learning.CourseProgress;
import vn.binhdan.learning.LearningService;
import vn.binhdan.shared.privacy.PersonalDataSection;
import vn.binhdan.shared.privacy.PersonalDataSource;

/** The courses a person is enrolled in and how far they got, for "Dữ liệu của tôi". */
@Component
class LearningPersonalData implements PersonalDataSource {

    private final LearningService learning;

    LearningPersonalData(LearningService learning) {
        this.learning = learning;
    }

    @Override
    public List<PersonalDataSection> about(long personId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CourseProgress p : learning.myCourses()) {
            if (p.enrolment().personId() != personId) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("privacy.f.course", p.course().title().text());
            row.put("privacy.f.enrolledAt", p.enrolment().enrolledAt());
            row.put("privacy.f.lessonsDone", p.done() + "/" + p.total());
            row.put("privacy.f.lastSeenAt", p.enrolment().lastSeenAt());
            row.put("privacy.f.completedAt", p.enrolment().completedAt());
            rows.add(row);
        }
        return List.of(new PersonalDataSection("learning", 20, "privacy.section.learning", rows));
    }
}
