package vn.binhdan.certification;

import java.time.LocalDate;
import vn.binhdan.people.TargetGroup;

/** A person's universalisation was confirmed outside the platform and declared by an officer. */
public record CertificationDeclared(String eventId, long personId, TargetGroup targetGroup, String unitPath,
                                    String countedPath, LocalDate confirmedOn, String source) {
}
