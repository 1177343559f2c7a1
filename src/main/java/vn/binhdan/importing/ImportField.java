package vn.binhdan.importing;

import java.util.List;

/**
 * A field an importer reads. Its label is the message {@code import.field.<key>}; aliases are
 * the column headers (folded, without diacritics) that map to it automatically.
 *
 * @param nationalId the column holds ID numbers (CCCD): the preview and the error report show
 *                   them masked but for their last three digits
 */
public record ImportField(String key, boolean required, List<String> aliases, boolean nationalId) {

    public ImportField(String key, boolean required, List<String> aliases) {
        this(key, required, aliases, false);
    }

    public static ImportField required(String key, String... aliases) {
        return new ImportField(key, true, List.of(aliases));
    }

    public static ImportField optional(String key, String... aliases) {
        return new ImportField(key, false, List.of(aliases));
    }

    /** The same field, marked as holding ID numbers. */
    public ImportField idNumbers() {
        return new ImportField(key, required, aliases, true);
    }
}
