package vn.binhdan.contest.internal;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Option lists kept as JSON text, the same DDL on H2 and PostgreSQL. */
final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static String write(List<String> values) {
        return MAPPER.writeValueAsString(values);
    }

    static List<String> readStrings(String json) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : MAPPER.readTree(json)) {
            out.add(n.asString());
        }
        return out;
    }
}
