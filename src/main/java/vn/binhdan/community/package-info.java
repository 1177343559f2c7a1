/**
 * The work done face to face: community digital technology teams and their guidance log,
 * classes and attendance, events and outreach, digital ambassadors, digital families and
 * markets, and the recognition of model citizens and villages. Every record that counts
 * towards an indicator publishes a {@link vn.binhdan.community.CommunityEvent} once, in its
 * own transaction; {@link vn.binhdan.community.CommunityTallies} gives the same counts again
 * from the rows so that the rollups can be checked.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cộng đồng số")
package vn.binhdan.community;
