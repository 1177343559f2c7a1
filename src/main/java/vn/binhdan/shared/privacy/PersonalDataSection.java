package vn.binhdan.shared.privacy;

import java.util.List;
import java.util.Map;

/**
 * One heading of a person's data: a message key for its title and its rows, each row a map
 * from a message key (the column's label) to the value shown.
 */
public record PersonalDataSection(String key, int order, String titleKey, List<Map<String, Object>> rows) {
}
