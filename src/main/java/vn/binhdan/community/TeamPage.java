package vn.binhdan.community;

import java.time.YearMonth;
import java.util.List;

/** A team with its members and what it did in a month. */
public record TeamPage(Team team, List<TeamMember> members, YearMonth month, GuidanceActivity activity,
                       List<GuidanceSession> recent, boolean canEdit) {
}
