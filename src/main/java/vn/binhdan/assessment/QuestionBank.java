package vn.binhdan.assessment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhdan.assessment.internal.QuestionRepository;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.shared.Role;
import vn.binhdan.shared.VietnameseText;
import vn.binhdan.skills.Framework;
import vn.binhdan.skills.FrameworkService;

/**
 * The question bank: questions mapped to a competency of the current framework and to target
 * groups, with a difficulty. Only content authors read answers; exams (later) draw from here.
 */
@Service
@Transactional(readOnly = true)
public class QuestionBank {

    public static final List<Role> AUTHORS = List.of(Role.CONTENT_AUTHOR, Role.PROVINCE_ADMIN, Role.SYSTEM_ADMIN);
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]{0,39}");
    public static final int MAX_OPTIONS = 6;

    private final QuestionRepository repo;
    private final FrameworkService frameworks;
    private final AuditLog audit;

    public QuestionBank(QuestionRepository repo, FrameworkService frameworks, AuditLog audit) {
        this.repo = repo;
        this.frameworks = frameworks;
        this.audit = audit;
    }

    public static void checkAuthor(AppUser user) {
        if (AUTHORS.stream().noneMatch(user::has)) {
            throw new ForbiddenException("question.authorOnly");
        }
    }

    public List<Question> list(String competency, TargetGroup group) {
        checkAuthor(CurrentUser.require());
        return repo.list(competency, group);
    }

    public Question get(String code) {
        checkAuthor(CurrentUser.require());
        return repo.find(code).orElseThrow(() -> new NotFoundException("question.notFound", code));
    }

    /**
     * The active questions of a framework version (null: of every version) for a group, without
     * their answers, for low-stakes checks such as the placement check of the learning path.
     */
    public List<OpenQuestion> openQuestions(String frameworkVersion, TargetGroup group) {
        CurrentUser.require();
        return repo.list(null, group).stream()
                .filter(q -> frameworkVersion == null || q.frameworkVersion().equals(frameworkVersion))
                .map(q -> new OpenQuestion(q.code(), q.frameworkVersion(), q.competency(), q.type(), q.difficulty(),
                        q.prompt(), q.options(), q.timesUsed(), q.timesCorrect()))
                .toList();
    }

    /**
     * Whether a choice (option indexes; for ordering questions in the chosen order) answers a
     * question right. Only the verdict leaves this module, never the answer.
     */
    public boolean isRight(String code, List<Integer> chosen) {
        CurrentUser.require();
        Question q = repo.find(code).orElseThrow(() -> new NotFoundException("question.notFound", code));
        if (chosen == null || chosen.isEmpty()) {
            return false;
        }
        if (q.type() == QuestionType.ORDERING) {
            return chosen.equals(q.answer());
        }
        return new HashSet<>(chosen).equals(new HashSet<>(q.answer())) && new HashSet<>(chosen).size() == chosen.size();
    }

    /** Creates or replaces a question by its code; statistics are kept when a question is edited. */
    @Transactional
    public Question save(QuestionDraft draft) {
        AppUser user = CurrentUser.require();
        checkAuthor(user);
        Framework framework = frameworks.current();
        List<Problem> problems = check(draft, framework);
        if (!problems.isEmpty()) {
            throw new BusinessException(problems.getFirst().key(), problems.getFirst().args());
        }
        Question q = toQuestion(draft, framework);
        boolean created = repo.upsert(q, user.username());
        audit.record(created ? "CREATE" : "UPDATE", "question", q.code(), "/", null);
        return repo.find(q.code()).orElseThrow();
    }

    /** A picture for an option of a question; the option's text is its alt text. */
    public record Picture(String mediaType, byte[] content) {
    }

    /** Cheap phones on slow links download every picture of an exam: keep them small. */
    public static final int MAX_PICTURE_BYTES = 300 * 1024;

    /** Sets the picture of one option (PNG, JPEG or WebP, at most 300 KB). */
    @Transactional
    public void setPicture(String code, int optionIndex, byte[] content) {
        AppUser user = CurrentUser.require();
        checkAuthor(user);
        Question q = get(code);
        if (optionIndex < 0 || optionIndex >= q.options().size()) {
            throw new BusinessException("question.pictureNoOption", (char) ('A' + optionIndex));
        }
        if (content == null || content.length == 0 || content.length > MAX_PICTURE_BYTES) {
            throw new BusinessException("question.pictureSize", MAX_PICTURE_BYTES / 1024);
        }
        String type = mediaType(content);
        if (type == null) {
            throw new BusinessException("question.pictureType");
        }
        repo.setPicture(q.code(), optionIndex, type, content, user.username());
        audit.record("UPDATE", "question", q.code(), "/", "picture " + (char) ('A' + optionIndex));
    }

    @Transactional
    public void removePicture(String code, int optionIndex) {
        AppUser user = CurrentUser.require();
        checkAuthor(user);
        repo.removePicture(get(code).code(), optionIndex);
    }

    /** Option index → picture id, for authors. */
    public java.util.Map<Integer, String> pictures(String code) {
        checkAuthor(CurrentUser.require());
        return repo.pictures(get(code).code());
    }

    /** A picture by its id (content hash), for anyone signed in: exams show them. */
    public java.util.Optional<Picture> picture(String sha) {
        CurrentUser.require();
        return repo.picture(sha);
    }

    /** The type read from the file's first bytes, never from what the browser claims. */
    static String mediaType(byte[] b) {
        if (b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    /** A problem with a draft: a message key and its arguments. */
    public record Problem(String key, Object... args) {
    }

    /** Every problem of a draft against a framework version, so an import can report them all. */
    public static List<Problem> check(QuestionDraft d, Framework framework) {
        List<Problem> out = new ArrayList<>();
        if (d.code() == null || !CODE.matcher(d.code()).matches()) {
            out.add(new Problem("question.badCode", String.valueOf(d.code())));
        }
        Framework.Competency competency = d.competency() == null ? null
                : framework.competency(d.competency().trim()).orElse(null);
        if (competency == null) {
            out.add(new Problem("question.unknownCompetency", String.valueOf(d.competency()), framework.version()));
        }
        if (d.targetGroups() == null || d.targetGroups().isEmpty()) {
            out.add(new Problem("question.noGroups"));
        } else if (competency != null && d.targetGroups().stream().anyMatch(g -> !competency.isFor(g))) {
            out.add(new Problem("question.groupNotInCompetency", d.competency()));
        }
        if (d.type() == null) {
            out.add(new Problem("question.badType"));
        }
        if (d.difficulty() == null || d.difficulty() < 1 || d.difficulty() > 5) {
            out.add(new Problem("question.badDifficulty"));
        }
        if (d.prompt() == null || d.prompt().isBlank()) {
            out.add(new Problem("question.noPrompt"));
        }
        if (d.type() != null && d.type() != QuestionType.TRUE_FALSE) {
            long given = d.options() == null ? 0 : d.options().stream().filter(o -> o != null && !o.isBlank()).count();
            if (given < 2 || given > MAX_OPTIONS) {
                out.add(new Problem("question.optionCount", MAX_OPTIONS));
            }
        }
        if (d.type() != null && out.stream().noneMatch(p -> p.key().equals("question.optionCount"))) {
            try {
                answer(d);
            } catch (BusinessException e) {
                out.add(new Problem(e.messageKey(), e.args()));
            }
        }
        return out;
    }

    static List<String> options(QuestionDraft d) {
        if (d.type() == QuestionType.TRUE_FALSE) {
            return List.of("Đúng", "Sai");
        }
        return d.options().stream().filter(o -> o != null && !o.isBlank()).map(VietnameseText::clean).toList();
    }

    /** The answer as option indexes; letters A–F, or Đúng/Sai for a true/false question. */
    static List<Integer> answer(QuestionDraft d) {
        String raw = d.answer() == null ? "" : d.answer().trim();
        int count = options(d).size();
        List<Integer> out = new ArrayList<>();
        if (d.type() == QuestionType.TRUE_FALSE) {
            String f = VietnameseText.fold(raw);
            if (f.equals("dung") || f.equals("d") || f.equals("true")) {
                out.add(0);
            } else if (f.equals("sai") || f.equals("s") || f.equals("false")) {
                out.add(1);
            } else {
                throw new BusinessException("question.badTrueFalse", raw);
            }
            return out;
        }
        for (String part : raw.toUpperCase(Locale.ROOT).split("[,;\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.length() != 1 || part.charAt(0) < 'A' || part.charAt(0) >= 'A' + count) {
                throw new BusinessException("question.badAnswer", raw, (char) ('A' + count - 1));
            }
            out.add(part.charAt(0) - 'A');
        }
        if (out.isEmpty() || new HashSet<>(out).size() != out.size()) {
            throw new BusinessException("question.badAnswer", raw, (char) ('A' + count - 1));
        }
        boolean one = d.type() == QuestionType.SINGLE || d.type() == QuestionType.PICK_SAFE;
        if (one && out.size() != 1) {
            throw new BusinessException("question.oneAnswer", raw);
        }
        if (d.type() == QuestionType.ORDERING && out.size() != count) {
            throw new BusinessException("question.fullOrder", raw, count);
        }
        if (d.type() != QuestionType.ORDERING) {
            out.sort(null);
        }
        return out;
    }

    public static Question toQuestion(QuestionDraft d, Framework framework) {
        return new Question(d.code().trim(), framework.version(), d.competency().trim(), d.targetGroups(), d.type(),
                d.difficulty(), VietnameseText.clean(d.prompt()), options(d), answer(d),
                d.explanation() == null || d.explanation().isBlank() ? null : VietnameseText.clean(d.explanation()),
                true, 0, 0);
    }
}
