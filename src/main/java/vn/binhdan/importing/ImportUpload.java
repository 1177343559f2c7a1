package vn.binhdan.importing;

import java.util.List;
import java.util.Map;

/** An uploaded file ready for mapping: its header, a few rows, and the mapping we guessed. */
public record ImportUpload(ImportJob job, List<String> header, List<List<String>> preview,
                           List<ImportField> fields, Map<String, Integer> suggestedMapping,
                           List<String> missingRequired) {
}
