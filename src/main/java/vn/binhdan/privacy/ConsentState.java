package vn.binhdan.privacy;

import java.time.Instant;
import vn.binhdan.shared.privacy.ConsentPurpose;

/** A person's choice in force for one purpose; {@code granted} is null when never asked. */
public record ConsentState(ConsentPurpose purpose, Boolean granted, Integer noticeVersion, Instant decidedAt) {
}
