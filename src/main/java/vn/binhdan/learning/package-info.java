/**
 * Courses, modules and lessons mapped to the skills framework; authoring, course packages
 * (zip), enrolments and progress. Progress is published as events and kept as xAPI-shaped
 * statements.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Học tập")
package vn.binhdan.learning;
