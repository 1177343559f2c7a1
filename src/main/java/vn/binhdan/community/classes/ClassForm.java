package vn.binhdan.community.classes;

import java.util.List;
import vn.binhdan.people.TargetGroup;

/** A new class: the teacher is a registry person ({@code teacherPersonId}) or just a name. */
public record ClassForm(Long unitId, String title, String place, Long teacherPersonId, String teacherName,
                        String topics, TargetGroup targetGroup, String courseCode, List<SessionForm> sessions) {
}
