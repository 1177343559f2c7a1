/**
 * The learners' virtual assistant: search over the published lessons, answers extracted from
 * them with citations, and a personal learning path from an adaptive placement check and the
 * lessons a learner completes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Trợ lý ảo")
package vn.binhdan.assistant;
