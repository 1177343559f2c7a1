package vn.binhdan.importing;

import java.util.List;
import java.util.Map;

/**
 * An uploaded file ready for mapping: its header, a few rows (ID numbers masked), and the mapping
 * we guessed.
 *
 * @param headerRow the row the header was found on
 * @param notice    in Vietnamese, when the header was not the first row: which row was used
 */
public record ImportUpload(ImportJob job, List<String> header, List<List<String>> preview,
                           List<ImportField> fields, Map<String, Integer> suggestedMapping,
                           List<String> missingRequired, long headerRow, String notice) {
}
