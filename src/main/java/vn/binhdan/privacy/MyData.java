package vn.binhdan.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the platform holds about the signed-in person, labelled in their language.
 *
 * @param sections title → rows, each row label → value
 */
public record MyData(long personId, String fullName, Instant generatedAt, List<Section> sections,
                     List<RecordRead> reads, List<Correction> corrections, List<ConsentState> consents) {

    public record Section(String key, String title, List<Map<String, Object>> rows) {
    }
}
