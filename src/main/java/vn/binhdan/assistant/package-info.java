/**
 * The virtual assistant: help grounded in the platform's own content, and a personal learning
 * path from an adaptive placement check and the lessons a learner completes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Trợ lý ảo")
package vn.binhdan.assistant;
