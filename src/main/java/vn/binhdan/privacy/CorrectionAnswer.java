package vn.binhdan.privacy;

import jakarta.validation.constraints.Size;

/** @param outcome DONE or REFUSED; a refusal needs a reply the person can read */
public record CorrectionAnswer(@Size(max = 10) String outcome, @Size(max = 1000) String reply) {
}
