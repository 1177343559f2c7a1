package vn.binhdan.contest;

/**
 * One line of a round's question set: {@code count} questions of an area of the skills
 * framework (e.g. "1"), of one difficulty (1–5) or of any when null.
 */
public record DrawLine(String area, Integer difficulty, Integer count) {
}
