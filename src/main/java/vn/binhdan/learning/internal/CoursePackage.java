package vn.binhdan.learning.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.binhdan.learning.Check;
import vn.binhdan.learning.Course;
import vn.binhdan.learning.Lesson;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.LocalizedText;
import vn.binhdan.skills.Framework;

/**
 * Reads and writes the course package: a zip with {@code manifest.json} and the files it
 * names (docs/course-format.md). Reading refuses anything unsafe or incomplete before a single
 * row is written.
 */
public final class CoursePackage {

    public static final String FORMAT = "binhdan-course";
    public static final int FORMAT_VERSION = 1;
    public static final long MAX_ENTRY_BYTES = 20L * 1024 * 1024;
    public static final long MAX_TOTAL_BYTES = 50L * 1024 * 1024;
    static final int MAX_ENTRIES = 2000;

    private static final Pattern COURSE_CODE = Pattern.compile("[A-Z0-9][A-Z0-9\\-]{1,39}");
    private static final Pattern LESSON_CODE = Pattern.compile("[a-z0-9][a-z0-9\\-]{0,59}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Map<String, String> MEDIA_TYPES = Map.ofEntries(
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("svg", "image/svg+xml"),
            Map.entry("pdf", "application/pdf"), Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"),
            Map.entry("mp3", "audio/mpeg"), Map.entry("vtt", "text/vtt"));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CoursePackage() {
    }

    /** Unpacks a zip into memory, refusing traversal, oversized entries and non-zips. */
    public static Map<String, byte[]> unzip(InputStream in) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                String path = safePath(entry.getName());
                if (entries.size() >= MAX_ENTRIES) {
                    throw new BusinessException("course.package.tooManyEntries", MAX_ENTRIES);
                }
                // the sizes in the zip headers can lie: count what is actually inflated
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buf = new byte[65536];
                int n;
                long size = 0;
                while ((n = zip.read(buf)) > 0) {
                    size += n;
                    if (size > MAX_ENTRY_BYTES) {
                        throw new BusinessException("course.package.entryTooLarge", path, MAX_ENTRY_BYTES / 1024 / 1024);
                    }
                    if (total + size > MAX_TOTAL_BYTES) {
                        throw new BusinessException("course.package.tooLarge", MAX_TOTAL_BYTES / 1024 / 1024);
                    }
                    out.write(buf, 0, n);
                }
                total += size;
                if (entries.put(path, out.toByteArray()) != null) {
                    throw new BusinessException("course.package.duplicateEntry", path);
                }
            }
        } catch (ZipException e) {
            throw new BusinessException("course.package.notZip");
        } catch (IOException e) {
            throw new BusinessException("course.package.unreadable", e.getMessage());
        }
        if (entries.isEmpty()) {
            throw new BusinessException("course.package.notZip");
        }
        return entries;
    }

    static String safePath(String name) {
        String path = name.replace('\\', '/');
        if (path.startsWith("/") || path.matches("^[A-Za-z]:.*") || path.contains("\0")) {
            throw new BusinessException("course.package.unsafePath", name);
        }
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                throw new BusinessException("course.package.unsafePath", name);
            }
        }
        return path.replaceAll("^(\\./)+", "");
    }

    /** Parses and checks the manifest and everything it names. */
    public static CourseContent parse(Map<String, byte[]> files, Function<String, Optional<Framework>> frameworks) {
        byte[] manifestBytes = files.get("manifest.json");
        if (manifestBytes == null) {
            throw new BusinessException("course.package.noManifest");
        }
        JsonNode m;
        try {
            m = JSON.readTree(new String(manifestBytes, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw new BusinessException("course.package.badManifest", e.getOriginalMessage());
        }
        if (m == null || !m.isObject()) {
            throw new BusinessException("course.package.badManifest", "{}");
        }
        if (!FORMAT.equals(m.path("format").asString("")) || m.path("formatVersion").asInt(-1) != FORMAT_VERSION) {
            throw new BusinessException("course.package.badFormat", m.path("format").asString("?"),
                    m.path("formatVersion").asString("?"), FORMAT, FORMAT_VERSION);
        }
        String code = m.path("code").asString("").trim().toUpperCase(Locale.ROOT);
        if (!COURSE_CODE.matcher(code).matches()) {
            throw new BusinessException("course.badCode", code);
        }
        String language = m.path("language").asString("vi");
        if (!LANGUAGE.matcher(language).matches()) {
            throw new BusinessException("course.badLanguage", language);
        }
        String version = m.path("frameworkVersion").asString("");
        Framework framework = frameworks.apply(version)
                .orElseThrow(() -> new BusinessException("course.unknownFramework", version));
        Set<TargetGroup> groups = groups(m.path("targetGroups"));
        List<CourseContent.ModuleContent> modules = new ArrayList<>();
        Set<String> lessonCodes = new HashSet<>();
        Set<String> used = new HashSet<>(Set.of("manifest.json"));
        int moduleNo = 0;
        for (JsonNode mod : m.path("modules")) {
            moduleNo++;
            List<CourseContent.LessonContent> lessons = new ArrayList<>();
            for (JsonNode l : mod.path("lessons")) {
                lessons.add(lesson(l, files, framework, lessonCodes, used));
            }
            if (lessons.isEmpty()) {
                throw new BusinessException("course.emptyModule", moduleNo);
            }
            modules.add(new CourseContent.ModuleContent(text(mod.path("title"), "module " + moduleNo), lessons));
        }
        if (modules.isEmpty()) {
            throw new BusinessException("course.noModules");
        }
        Map<String, CourseContent.Media> media = new TreeMap<>();
        for (String path : used) {
            String type = mediaType(path);
            if (type != null) {
                media.put(path, new CourseContent.Media(path, type, files.get(path)));
            }
        }
        return new CourseContent(code, language, text(m.path("title"), "title"),
                m.has("summary") ? text(m.path("summary"), "summary") : new LocalizedText(Map.of()),
                groups, m.path("sequential").asBoolean(false), framework.version(), modules, media);
    }

    private static CourseContent.LessonContent lesson(JsonNode l, Map<String, byte[]> files, Framework framework,
                                                      Set<String> codes, Set<String> used) {
        String code = l.path("code").asString("");
        if (!LESSON_CODE.matcher(code).matches()) {
            throw new BusinessException("lesson.badCode", code);
        }
        if (!codes.add(code)) {
            throw new BusinessException("lesson.duplicateCode", code);
        }
        List<String> competencies = new ArrayList<>();
        for (JsonNode c : l.path("competencies")) {
            String cc = c.asString("");
            if (framework.competency(cc).isEmpty()) {
                throw new BusinessException("lesson.unknownCompetency", code, cc, framework.version());
            }
            competencies.add(cc);
        }
        String body = html(files, l.path("body").asString(""), code, used);
        String videoUrl = null;
        String transcript = null;
        if (l.hasNonNull("video")) {
            videoUrl = l.path("video").path("url").asString("");
            if (!videoUrl.startsWith("https://") && !videoUrl.startsWith("http://")) {
                throw new BusinessException("lesson.badVideo", code, videoUrl);
            }
            transcript = new String(file(files, l.path("video").path("transcript").asString(""), code, used),
                    StandardCharsets.UTF_8);
        }
        String pdf = null;
        if (l.hasNonNull("pdf")) {
            pdf = l.path("pdf").asString("");
            file(files, pdf, code, used);
            if (!pdf.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
                throw new BusinessException("lesson.badPdf", code, pdf);
            }
        }
        List<Check> checks = new ArrayList<>();
        int n = 0;
        for (JsonNode c : l.path("checks")) {
            n++;
            checks.add(check(c, code, n));
        }
        Map<String, Lesson.Translation> translations = new TreeMap<>();
        l.path("translations").properties().forEach(e -> {
            String lang = e.getKey();
            if (!LANGUAGE.matcher(lang).matches()) {
                throw new BusinessException("course.badLanguage", lang);
            }
            String title = e.getValue().path("title").asString("");
            if (title.isBlank()) {
                throw new BusinessException("lesson.translationTitle", code, lang);
            }
            translations.put(lang, new Lesson.Translation(title,
                    html(files, e.getValue().path("body").asString(""), code, used)));
        });
        int minutes = l.path("minutes").asInt(0);
        if (minutes <= 0) {
            minutes = Math.max(1, LessonHtml.text(body).split("\\s+").length / 150);
        }
        String asked = null;
        if (l.hasNonNull("asked")) {
            asked = AskedFile.check(new String(file(files, l.path("asked").asString(""), code, used),
                    StandardCharsets.UTF_8), body, code);
        }
        return new CourseContent.LessonContent(code, text(l.path("title"), code), minutes, competencies, body,
                videoUrl, transcript, pdf, checks, translations, asked);
    }

    private static String html(Map<String, byte[]> files, String path, String lesson, Set<String> used) {
        String body = LessonHtml.sanitise(new String(file(files, path, lesson, used), StandardCharsets.UTF_8));
        List<String> missingAlt = LessonHtml.imagesWithoutAlt(body);
        if (!missingAlt.isEmpty()) {
            throw new BusinessException("lesson.imageWithoutAlt", lesson, missingAlt.getFirst());
        }
        // images and downloads are resolved against the lesson body's folder's package root
        for (String ref : LessonHtml.packagePaths(body)) {
            file(files, ref, lesson, used);
        }
        return body;
    }

    private static byte[] file(Map<String, byte[]> files, String path, String lesson, Set<String> used) {
        String clean = path == null ? "" : safePath(path);
        byte[] bytes = files.get(clean);
        if (clean.isBlank() || bytes == null) {
            throw new BusinessException("course.package.missingFile", lesson, path);
        }
        used.add(clean);
        return bytes;
    }

    static String mediaType(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? null : MEDIA_TYPES.get(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static Check check(JsonNode c, String lesson, int n) {
        String prompt = c.path("prompt").asString("");
        List<String> options = new ArrayList<>();
        c.path("options").forEach(o -> options.add(o.asString("")));
        List<Integer> correct = new ArrayList<>();
        c.path("correct").forEach(o -> correct.add(o.asInt(-1)));
        if (prompt.isBlank() || options.size() < 2 || options.stream().anyMatch(String::isBlank) || correct.isEmpty()
                || correct.stream().anyMatch(i -> i < 0 || i >= options.size())
                || new HashSet<>(correct).size() != correct.size()) {
            throw new BusinessException("lesson.badCheck", lesson, n);
        }
        String explanation = c.path("explanation").asString("");
        return new Check(prompt.strip(), options.stream().map(String::strip).toList(),
                correct.stream().sorted().toList(), explanation.isBlank() ? null : explanation.strip());
    }

    private static Set<TargetGroup> groups(JsonNode node) {
        EnumSet<TargetGroup> groups = EnumSet.noneOf(TargetGroup.class);
        for (JsonNode g : node) {
            try {
                groups.add(TargetGroup.valueOf(g.asString("")));
            } catch (IllegalArgumentException e) {
                throw new BusinessException("course.badGroup", g.asString(""));
            }
        }
        if (groups.isEmpty()) {
            throw new BusinessException("course.noGroups");
        }
        return groups;
    }

    private static LocalizedText text(JsonNode node, String where) {
        LocalizedText t = LocalizedText.of(node);
        if (!t.hasVietnamese()) {
            throw new BusinessException("course.missingVietnamese", where);
        }
        return t;
    }

    /** Writes a course as a package another province can import. */
    public static void write(Course course, List<Lesson> lessons, Map<String, CourseContent.Media> media,
                             java.io.OutputStream out) throws IOException {
        ObjectNode m = JSON.createObjectNode();
        m.put("format", FORMAT);
        m.put("formatVersion", FORMAT_VERSION);
        m.put("code", course.code());
        m.put("language", course.language());
        m.set("title", JSON.valueToTree(course.title()));
        m.set("summary", JSON.valueToTree(course.summary()));
        ArrayNode groups = m.putArray("targetGroups");
        course.targetGroups().stream().sorted().forEach(g -> groups.add(g.name()));
        m.put("sequential", course.sequential());
        m.put("frameworkVersion", course.frameworkVersion());
        ArrayNode modules = m.putArray("modules");
        Map<String, byte[]> files = new TreeMap<>();
        int n = 0;
        for (Course.Module module : course.modules()) {
            ObjectNode mod = modules.addObject();
            mod.set("title", JSON.valueToTree(module.title()));
            ArrayNode ls = mod.putArray("lessons");
            for (Course.LessonRef ref : module.lessons()) {
                Lesson lesson = lessons.stream().filter(x -> x.id() == ref.id()).findFirst().orElseThrow();
                n++;
                String base = "lessons/%02d-%s".formatted(n, lesson.code());
                ObjectNode l = ls.addObject();
                l.put("code", lesson.code());
                l.set("title", JSON.valueToTree(lesson.title()));
                l.put("minutes", lesson.minutes());
                ArrayNode comps = l.putArray("competencies");
                lesson.competencies().forEach(comps::add);
                l.put("body", base + ".html");
                files.put(base + ".html", lesson.body().getBytes(StandardCharsets.UTF_8));
                if (lesson.videoUrl() != null) {
                    ObjectNode v = l.putObject("video");
                    v.put("url", lesson.videoUrl());
                    v.put("transcript", base + "-transcript.txt");
                    files.put(base + "-transcript.txt",
                            (lesson.transcript() == null ? "" : lesson.transcript()).getBytes(StandardCharsets.UTF_8));
                }
                if (lesson.pdfPath() != null) {
                    l.put("pdf", lesson.pdfPath());
                }
                if (lesson.asked() != null) {
                    l.put("asked", base + ".asked.tsv");
                    files.put(base + ".asked.tsv", lesson.asked().getBytes(StandardCharsets.UTF_8));
                }
                ArrayNode checks = l.putArray("checks");
                for (Check c : lesson.checks()) {
                    ObjectNode q = checks.addObject();
                    q.put("prompt", c.prompt());
                    ArrayNode opts = q.putArray("options");
                    c.options().forEach(opts::add);
                    ArrayNode correct = q.putArray("correct");
                    c.correct().forEach(correct::add);
                    if (c.explanation() != null) {
                        q.put("explanation", c.explanation());
                    }
                }
                if (!lesson.translations().isEmpty()) {
                    ObjectNode tr = l.putObject("translations");
                    lesson.translations().forEach((lang, t) -> {
                        String path = "lessons/" + lang + "/" + base.substring("lessons/".length()) + ".html";
                        ObjectNode o = tr.putObject(lang);
                        o.put("title", t.title());
                        o.put("body", path);
                        files.put(path, t.body().getBytes(StandardCharsets.UTF_8));
                    });
                }
            }
        }
        media.values().forEach(x -> files.put(x.path(), x.bytes()));
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m));
            zip.closeEntry();
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
    }
}
