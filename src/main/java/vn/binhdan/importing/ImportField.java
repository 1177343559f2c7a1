package vn.binhdan.importing;

import java.util.List;

/**
 * A field an importer reads. Its label is the message {@code import.field.<key>}; aliases are
 * the column headers (folded, without diacritics) that map to it automatically.
 */
public record ImportField(String key, boolean required, List<String> aliases) {

    public static ImportField required(String key, String... aliases) {
        return new ImportField(key, true, List.of(aliases));
    }

    public static ImportField optional(String key, String... aliases) {
        return new ImportField(key, false, List.of(aliases));
    }
}
