package vn.binhdan.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A text with translations (language code → text), Vietnamese required. Content (framework,
 * course and lesson titles) is translated with the data, not in the message bundles.
 */
public record LocalizedText(@JsonValue Map<String, String> values) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public LocalizedText {
        Map<String, String> clean = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((k, v) -> {
                if (k != null && v != null && !v.isBlank()) {
                    clean.put(k.trim().toLowerCase(Locale.ROOT), VietnameseText.clean(v));
                }
            });
        }
        values = Map.copyOf(clean);
    }

    public static LocalizedText vi(String text) {
        return new LocalizedText(Map.of("vi", text));
    }

    public boolean hasVietnamese() {
        return values.containsKey("vi");
    }

    /** The text in the language asked for, else Vietnamese, else any. */
    public String in(String language) {
        String v = values.get(language);
        if (v == null) {
            v = values.get("vi");
        }
        return v != null ? v : values.values().stream().findFirst().orElse("");
    }

    /** The text in the current request's language. */
    public String text() {
        return in(LocaleContextHolder.getLocale().getLanguage());
    }

    @Override
    public String toString() {
        return text();
    }

    /** The texts of a JSON object {"vi": …, "en": …}; anything else gives an empty text. */
    public static LocalizedText of(tools.jackson.databind.JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> values.put(e.getKey(), e.getValue().asString("")));
        }
        return new LocalizedText(values);
    }

    public String toJson() {
        return JSON.writeValueAsString(new java.util.TreeMap<>(values));
    }

    public static LocalizedText fromJson(String json) {
        if (json == null || json.isBlank()) {
            return new LocalizedText(Map.of());
        }
        return new LocalizedText(JSON.readValue(json, new TypeReference<Map<String, String>>() { }));
    }
}
