package vn.binhdan.learning.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.binhdan.learning.Check;
import vn.binhdan.learning.Course;
import vn.binhdan.learning.CourseStatus;
import vn.binhdan.learning.Lesson;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.shared.LocalizedText;

/** Courses, modules, lessons and media. A lesson's position is module position × 1000 + its place. */
@Repository
public class CourseRepository {

    static final int MODULE_STRIDE = 1000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    public CourseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean codeExists(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM course WHERE code = ?").param(code).query(Long.class).single() > 0;
    }

    public long insert(CourseContent c, CourseStatus status, String by, Instant now) {
        Timestamp ts = Timestamp.from(now);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO course (code, language, title, summary, target_groups, sequential, framework_version, status,
                                    created_by, created_at, updated_at, published_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.code(), c.language(), c.title().toJson(), c.summary().toJson(), TargetGroup.codes(c.targetGroups()),
                        c.sequential(), c.frameworkVersion(), status.name(), by, ts, ts,
                        status == CourseStatus.PUBLISHED ? ts : null)
                .update(key, "id");
        long courseId = key.getKey().longValue();
        int m = 0;
        for (CourseContent.ModuleContent module : c.modules()) {
            m++;
            long moduleId = insertModule(courseId, m, module.title());
            int l = 0;
            for (CourseContent.LessonContent lesson : module.lessons()) {
                l++;
                insertLesson(courseId, moduleId, m * MODULE_STRIDE + l, lesson);
            }
        }
        for (CourseContent.Media media : c.media().values()) {
            putMedia(courseId, media);
        }
        return courseId;
    }

    public long insertModule(long courseId, int position, LocalizedText title) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO course_module (course_id, position, title) VALUES (?, ?, ?)")
                .params(courseId, position, title.toJson()).update(key, "id");
        return key.getKey().longValue();
    }

    public long insertLesson(long courseId, long moduleId, int position, CourseContent.LessonContent l) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO lesson (course_id, module_id, position, code, title, minutes, competencies, body, video_url,
                                    transcript, pdf_path, checks, asked)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(courseId, moduleId, position, l.code(), l.title().toJson(), l.minutes(),
                        String.join(",", l.competencies()), l.body(), l.videoUrl(), l.transcript(), l.pdfPath(),
                        JSON.writeValueAsString(l.checks()), l.asked())
                .update(key, "id");
        long lessonId = key.getKey().longValue();
        l.translations().forEach((lang, t) -> jdbc.sql(
                        "INSERT INTO lesson_translation (lesson_id, language, title, body) VALUES (?, ?, ?, ?)")
                .params(lessonId, lang, t.title(), t.body()).update());
        return lessonId;
    }

    /** An edit without asked questions (the authoring form has none) keeps the lesson's own. */
    public void updateLesson(long lessonId, CourseContent.LessonContent l) {
        jdbc.sql("""
                UPDATE lesson SET title = ?, minutes = ?, competencies = ?, body = ?, video_url = ?, transcript = ?,
                                  checks = ?, asked = COALESCE(?, asked)
                WHERE id = ?""")
                .params(l.title().toJson(), l.minutes(), String.join(",", l.competencies()), l.body(), l.videoUrl(),
                        l.transcript(), JSON.writeValueAsString(l.checks()), l.asked(), lessonId)
                .update();
    }

    public void replaceTranslations(long lessonId, java.util.Map<String, vn.binhdan.learning.Lesson.Translation> translations) {
        jdbc.sql("DELETE FROM lesson_translation WHERE lesson_id = ?").param(lessonId).update();
        translations.forEach((lang, t) -> jdbc.sql(
                        "INSERT INTO lesson_translation (lesson_id, language, title, body) VALUES (?, ?, ?, ?)")
                .params(lessonId, lang, t.title(), t.body()).update());
    }

    public void placeLesson(long lessonId, long moduleId, int position) {
        jdbc.sql("UPDATE lesson SET module_id = ?, position = ? WHERE id = ?").params(moduleId, position, lessonId).update();
    }

    public void renameModule(long moduleId, LocalizedText title) {
        jdbc.sql("UPDATE course_module SET title = ? WHERE id = ?").params(title.toJson(), moduleId).update();
    }

    /** Who made the course and whether anyone touched it since (a course from before shipped releases were recorded). */
    public boolean untouchedSinceCreated(long courseId, String by) {
        return jdbc.sql("SELECT COUNT(*) FROM course WHERE id = ? AND created_by = ? AND updated_at = created_at")
                .params(courseId, by).query(Long.class).single() > 0;
    }

    /** The release of a shipped piece of content now installed, if one was recorded. */
    public record Shipped(String hash, Instant installedAt, String waitingHash, Instant waitingSince) {
    }

    public Optional<Shipped> shipped(String kind, String code) {
        return jdbc.sql("SELECT shipped_hash, installed_at, waiting_hash, waiting_since FROM shipped_content WHERE kind = ? AND code = ?")
                .params(kind, code).query((rs, i) -> new Shipped(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        rs.getString(3), rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .optional();
    }

    public void recordShipped(String kind, String code, String hash, Instant installedAt) {
        if (jdbc.sql("UPDATE shipped_content SET shipped_hash = ?, installed_at = ?, waiting_hash = NULL, waiting_since = NULL"
                        + " WHERE kind = ? AND code = ?")
                .params(hash, Timestamp.from(installedAt), kind, code).update() == 0) {
            jdbc.sql("INSERT INTO shipped_content (kind, code, shipped_hash, installed_at) VALUES (?, ?, ?, ?)")
                    .params(kind, code, hash, Timestamp.from(installedAt)).update();
        }
    }

    /** A newer release left aside because the province edited its copy; an older record keeps its installed hash. */
    public void recordWaiting(String kind, String code, String hash, Instant installedAt, Instant now) {
        if (jdbc.sql("UPDATE shipped_content SET waiting_hash = ?, waiting_since = COALESCE(waiting_since, ?)"
                        + " WHERE kind = ? AND code = ?")
                .params(hash, Timestamp.from(now), kind, code).update() == 0) {
            jdbc.sql("""
                    INSERT INTO shipped_content (kind, code, shipped_hash, installed_at, waiting_hash, waiting_since)
                    VALUES (?, ?, 'UNKNOWN', ?, ?, ?)""")
                    .params(kind, code, Timestamp.from(installedAt), hash, Timestamp.from(now)).update();
        }
    }

    public List<String> waiting(String kind) {
        return jdbc.sql("SELECT code FROM shipped_content WHERE kind = ? AND waiting_hash IS NOT NULL ORDER BY code")
                .param(kind).query(String.class).list();
    }

    public void putMedia(long courseId, CourseContent.Media media) {
        jdbc.sql("DELETE FROM course_media WHERE course_id = ? AND path = ?").params(courseId, media.path()).update();
        jdbc.sql("INSERT INTO course_media (course_id, path, content_type, size_bytes, content) VALUES (?, ?, ?, ?, ?)")
                .params(courseId, media.path(), media.contentType(), media.bytes().length, media.bytes()).update();
    }

    public void updateCourse(long id, LocalizedText title, LocalizedText summary, Set<TargetGroup> groups,
                             boolean sequential, Instant now) {
        jdbc.sql("UPDATE course SET title = ?, summary = ?, target_groups = ?, sequential = ?, updated_at = ? WHERE id = ?")
                .params(title.toJson(), summary.toJson(), TargetGroup.codes(groups), sequential, Timestamp.from(now), id).update();
    }

    public void setStatus(long id, CourseStatus status, Instant now) {
        jdbc.sql("""
                UPDATE course SET status = ?, updated_at = ?,
                       published_at = CASE WHEN ? = 'PUBLISHED' THEN ? ELSE published_at END
                WHERE id = ?""")
                .params(status.name(), Timestamp.from(now), status.name(), Timestamp.from(now), id).update();
    }

    public void touch(long id, Instant now) {
        jdbc.sql("UPDATE course SET updated_at = ? WHERE id = ?").params(Timestamp.from(now), id).update();
    }

    /**
     * A course by code. The outline (three queries) is kept in memory and reused while the
     * course's {@code updated_at} is unchanged: every edit of a course or its lessons moves it,
     * so another instance's edit is seen at the next read, and a lesson page needs one query here.
     */
    public Optional<Course> findByCode(String code) {
        return jdbc.sql("SELECT id, updated_at FROM course WHERE code = ?").param(code)
                .query((rs, i) -> new Stamp(rs.getLong(1), rs.getTimestamp(2).toInstant())).optional()
                .flatMap(stamp -> outline(stamp.id(), stamp.updatedAt()));
    }

    /** The outline of a course whose edit stamp the caller has just read. */
    public Optional<Course> outline(long id, Instant updatedAt) {
        Course cached = outlines.get(id);
        if (cached != null && cached.updatedAt().equals(updatedAt)) {
            return Optional.of(cached);
        }
        Optional<Course> fresh = one("id = ?", id);
        fresh.ifPresent(c -> outlines.put(c.id(), c));
        return fresh;
    }

    private record Stamp(long id, Instant updatedAt) {
    }

    private final Map<Long, Course> outlines = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Long, LessonEntry> lessonCache = new java.util.concurrent.ConcurrentHashMap<>();

    private record LessonEntry(Instant courseUpdatedAt, Lesson lesson) {
    }

    /** A lesson of a course just read through {@link #findByCode}: reused while the course is unchanged. */
    public Optional<Lesson> lesson(Course course, String code) {
        Optional<Course.LessonRef> ref = course.lesson(code);
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        LessonEntry e = lessonCache.get(ref.get().id());
        if (e != null && e.courseUpdatedAt().equals(course.updatedAt())) {
            return Optional.of(e.lesson());
        }
        Optional<Lesson> fresh = lesson(ref.get().id());
        fresh.ifPresent(l -> lessonCache.put(l.id(), new LessonEntry(course.updatedAt(), l)));
        return fresh;
    }

    public Optional<Course> find(long id) {
        return one("id = ?", id);
    }

    public List<Course> list(Set<CourseStatus> statuses) {
        String in = statuses.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
        List<Row> rows = jdbc.sql("SELECT * FROM course WHERE status IN (" + in + ") ORDER BY code")
                .query(CourseRepository::row).list();
        return rows.stream().map(this::withOutline).toList();
    }

    private Optional<Course> one(String where, Object value) {
        return jdbc.sql("SELECT * FROM course WHERE " + where).param(value).query(CourseRepository::row)
                .optional().map(this::withOutline);
    }

    private record Row(long id, String code, String language, LocalizedText title, LocalizedText summary,
                       Set<TargetGroup> groups, boolean sequential, String framework, CourseStatus status,
                       Instant updatedAt) {
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("code"), rs.getString("language"),
                LocalizedText.fromJson(rs.getString("title")), LocalizedText.fromJson(rs.getString("summary")),
                TargetGroup.fromCodes(rs.getString("target_groups")), rs.getBoolean("sequential"),
                rs.getString("framework_version"), CourseStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("updated_at").toInstant());
    }

    private Course withOutline(Row r) {
        Map<Long, List<Course.LessonRef>> byModule = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT id, module_id, position, code, title, minutes, competencies, checks FROM lesson
                WHERE course_id = ? ORDER BY position""")
                .param(r.id())
                .query(rs -> {
                    byModule.computeIfAbsent(rs.getLong("module_id"), k -> new ArrayList<>()).add(new Course.LessonRef(
                            rs.getLong("id"), rs.getString("code"), rs.getInt("position"),
                            LocalizedText.fromJson(rs.getString("title")), rs.getInt("minutes"),
                            competencies(rs.getString("competencies")), !"[]".equals(rs.getString("checks"))));
                });
        List<Course.Module> modules = jdbc.sql("SELECT id, position, title FROM course_module WHERE course_id = ? ORDER BY position")
                .param(r.id())
                .query((rs, i) -> new Course.Module(rs.getLong(1), rs.getInt(2), LocalizedText.fromJson(rs.getString(3)),
                        List.copyOf(byModule.getOrDefault(rs.getLong(1), List.of()))))
                .list();
        return new Course(r.id(), r.code(), r.language(), r.title(), r.summary(), r.groups(), r.sequential(),
                r.framework(), r.status(), r.updatedAt(), modules);
    }

    public Optional<Lesson> lesson(long courseId, String code) {
        return lessons("course_id = ? AND code = ?", courseId, code).stream().findFirst();
    }

    public Optional<Lesson> lesson(long lessonId) {
        return lessons("id = ?", lessonId).stream().findFirst();
    }

    public List<Lesson> lessons(long courseId) {
        return lessons("course_id = ?", courseId);
    }

    private List<Lesson> lessons(String where, Object... params) {
        List<Lesson> lessons = jdbc.sql("SELECT * FROM lesson WHERE " + where + " ORDER BY position").params(params)
                .query((rs, i) -> new Lesson(rs.getLong("id"), rs.getLong("course_id"), rs.getLong("module_id"),
                        rs.getInt("position"), rs.getString("code"), LocalizedText.fromJson(rs.getString("title")),
                        rs.getInt("minutes"), competencies(rs.getString("competencies")), rs.getString("body"),
                        rs.getString("video_url"), rs.getString("transcript"), rs.getString("pdf_path"),
                        checks(rs.getString("checks")), Map.of(), rs.getString("asked")))
                .list();
        if (lessons.isEmpty()) {
            return lessons;
        }
        Map<Long, Map<String, Lesson.Translation>> tr = new TreeMap<>();
        String ids = lessons.stream().map(l -> Long.toString(l.id())).collect(Collectors.joining(","));
        jdbc.sql("SELECT lesson_id, language, title, body FROM lesson_translation WHERE lesson_id IN (" + ids + ")")
                .query(rs -> {
                    tr.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                            .put(rs.getString(2), new Lesson.Translation(rs.getString(3), rs.getString(4)));
                });
        return lessons.stream().map(l -> tr.containsKey(l.id()) ? new Lesson(l.id(), l.courseId(), l.moduleId(),
                l.position(), l.code(), l.title(), l.minutes(), l.competencies(), l.body(), l.videoUrl(),
                l.transcript(), l.pdfPath(), l.checks(), tr.get(l.id()), l.asked()) : l).toList();
    }

    public Optional<CourseContent.Media> media(long courseId, String path) {
        return jdbc.sql("SELECT path, content_type, content FROM course_media WHERE course_id = ? AND path = ?")
                .params(courseId, path)
                .query((rs, i) -> new CourseContent.Media(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional();
    }

    public Map<String, CourseContent.Media> allMedia(long courseId) {
        Map<String, CourseContent.Media> out = new TreeMap<>();
        jdbc.sql("SELECT path, content_type, content FROM course_media WHERE course_id = ?").param(courseId)
                .query(rs -> {
                    out.put(rs.getString(1), new CourseContent.Media(rs.getString(1), rs.getString(2), rs.getBytes(3)));
                });
        return out;
    }

    static List<Check> checks(String json) {
        return json == null || json.isBlank() ? List.of() : JSON.readValue(json, new TypeReference<List<Check>>() { });
    }

    static List<String> competencies(String csv) {
        return csv == null || csv.isBlank() ? List.of() : List.of(csv.split(","));
    }
}
