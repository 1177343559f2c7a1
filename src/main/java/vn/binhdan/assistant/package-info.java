/**
 * The learners' virtual assistant: search over the published lessons, answers extracted from
 * them with citations, and (beside it) the placement check and personal learning path.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Trợ lý ảo")
package vn.binhdan.assistant;
