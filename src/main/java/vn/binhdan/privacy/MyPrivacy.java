package vn.binhdan.privacy;

import java.util.List;

/**
 * What the signed-in person is told and has chosen.
 *
 * @param notice  the notice in force for where they live, or null when none is published
 * @param pending true when they have not yet answered this version
 */
public record MyPrivacy(Notice notice, boolean pending, List<ConsentState> consents) {
}
