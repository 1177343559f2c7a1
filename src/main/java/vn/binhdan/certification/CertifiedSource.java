package vn.binhdan.certification;

import java.time.Instant;
import vn.binhdan.people.TargetGroup;

/**
 * One thing that makes a person count as certified for a group: a standing certificate
 * ({@code certificate:<id>}) or a declaration ({@code declared:<person>:<group>}).
 */
public record CertifiedSource(long personId, TargetGroup group, String sourceId, String countedPath, Instant since) {

    public static String ofCertificate(String certificateId) {
        return "certificate:" + certificateId;
    }

    public static String ofDeclaration(long personId, TargetGroup group) {
        return "declared:" + personId + ":" + group.name();
    }
}
