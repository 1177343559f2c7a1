package vn.binhdan.assistant.internal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shipped courses' lessons as the platform indexes them, read straight from their packages. */
final class ShippedLessons {

    private ShippedLessons() {
    }

    /** {@code asked}: with each lesson's asked questions, or (false) by their words alone. */
    static List<IndexDoc> read(boolean asked) {
        try {
            PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
            JsonMapper json = JsonMapper.builder().build();
            List<IndexDoc> docs = new ArrayList<>();
            for (Resource manifest : resolver.getResources("classpath*:content/courses/*/manifest.json")) {
                JsonNode m = json.readTree(manifest.getContentAsByteArray());
                String code = m.path("code").asString();
                String courseTitle = m.path("title").path("vi").asString();
                for (JsonNode module : m.path("modules")) {
                    for (JsonNode l : module.path("lessons")) {
                        String body = file(manifest, l.path("body").asString());
                        docs.add(new IndexDoc("LESSON", code, l.path("code").asString(), l.path("title").path("vi").asString(),
                                courseTitle + " · " + module.path("title").path("vi").asString(), IndexContent.text(body),
                                "/learn/" + code + "/" + l.path("code").asString(), IndexContent.outline(body),
                                asked && l.has("asked") ? file(manifest, l.path("asked").asString()) : null));
                    }
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String file(Resource manifest, String path) throws IOException {
        return new String(manifest.createRelative(path).getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    /** A citizen's question, as the assistant page asks it. */
    static AssistantEngine.Extract ask(SearchIndex index, String question) {
        return AssistantEngine.answer(index, question, 0.6, AssistantEngine.MIN_SENTENCE_COVERAGE, Set.of("KNS-NGUOI-DAN"));
    }
}
