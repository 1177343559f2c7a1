package vn.binhdan.privacy;

import jakarta.validation.constraints.Size;

/**
 * @param personId optional; when given it must be the asker's own record
 * @param field    FULL_NAME, BIRTH_DATE, SEX, ETHNICITY, PHONE, GROUP, HOUSEHOLD, RESIDENCE or OTHER
 */
public record CorrectionRequest(Long personId, @Size(max = 20) String field, @Size(max = 500) String requestedValue,
                                @Size(max = 1000) String reason) {
}
