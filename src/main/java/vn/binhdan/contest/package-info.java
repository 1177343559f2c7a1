/**
 * The online quiz contest: rounds drawn from the question bank, entries taken on a phone, the
 * prediction tie-break, leaderboards for people and units, fair-play signals and prize lists.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cuộc thi trực tuyến")
package vn.binhdan.contest;
