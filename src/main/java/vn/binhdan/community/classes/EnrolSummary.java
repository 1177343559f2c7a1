package vn.binhdan.community.classes;

/** Attendees enrolled now, already enrolled before, and refused (outside the user's scope or the course's groups). */
public record EnrolSummary(String courseCode, int added, int already, int refused) {
}
