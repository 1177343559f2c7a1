/**
 * The question bank (later: exam blueprints, attempts, grading). Questions never leave this
 * module with their answers except to content authors.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Đánh giá")
package vn.binhdan.assessment;
