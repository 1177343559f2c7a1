/**
 * The digital-skills framework as versioned data: areas, competencies and learning outcomes,
 * each marked for the target groups that need it. Versions are immutable once published.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Khung kỹ năng số")
package vn.binhdan.skills;
