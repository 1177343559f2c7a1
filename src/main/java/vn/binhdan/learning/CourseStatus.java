package vn.binhdan.learning;

public enum CourseStatus {
    DRAFT, PUBLISHED, ARCHIVED
}
