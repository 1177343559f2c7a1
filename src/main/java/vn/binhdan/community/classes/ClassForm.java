package vn.binhdan.community.classes;

import jakarta.validation.constraints.Size;
import java.util.List;
import vn.binhdan.people.TargetGroup;

/** A new class: the teacher is a registry person ({@code teacherPersonId}) or just a name. */
public record ClassForm(Long unitId, @Size(max = 300) String title, @Size(max = 300) String place, Long teacherPersonId,
                        @Size(max = 200) String teacherName, @Size(max = 2000) String topics, TargetGroup targetGroup,
                        @Size(max = 60) String courseCode, List<SessionForm> sessions) {
}
