package vn.binhdan.assessment.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.binhdan.assessment.Question;
import vn.binhdan.assessment.QuestionBank;
import vn.binhdan.assessment.QuestionDraft;
import vn.binhdan.assessment.QuestionType;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.importing.ImportField;
import vn.binhdan.importing.ImportOutcome;
import vn.binhdan.importing.ImportRun;
import vn.binhdan.importing.Importer;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.VietnameseText;
import vn.binhdan.shared.tabular.Cell;
import vn.binhdan.shared.tabular.RowHandler;
import vn.binhdan.skills.Framework;
import vn.binhdan.skills.FrameworkService;

/**
 * Questions from the Excel sheets teachers keep: one row per question, options in columns A–F.
 * Every row is checked and reported; the file is applied whole or not at all, and a question
 * whose code exists is replaced with its statistics kept.
 */
@Component
class QuestionImporter implements Importer {

    private static final String[] OPTION_FIELDS = {"option_a", "option_b", "option_c", "option_d", "option_e", "option_f"};

    private final QuestionRepository repo;
    private final FrameworkService frameworks;
    private final TransactionTemplate tx;
    private final AuditLog audit;

    QuestionImporter(QuestionRepository repo, FrameworkService frameworks, TransactionTemplate tx, AuditLog audit) {
        this.repo = repo;
        this.frameworks = frameworks;
        this.tx = tx;
        this.audit = audit;
    }

    @Override
    public String kind() {
        return "QUESTION";
    }

    @Override
    public List<ImportField> fields() {
        List<ImportField> fields = new ArrayList<>(List.of(
                ImportField.required("question_code", "ma cau hoi", "ma cau", "question code"),
                ImportField.required("competency", "nang luc", "ma nang luc", "competency"),
                ImportField.required("target_groups", "nhom doi tuong", "doi tuong", "target groups"),
                ImportField.required("question_type", "loai cau hoi", "loai", "question type", "type"),
                ImportField.required("difficulty", "do kho", "muc do", "difficulty"),
                ImportField.required("prompt", "cau hoi", "noi dung cau hoi", "question", "prompt"),
                ImportField.required("answer", "dap an", "dap an dung", "answer"),
                ImportField.optional("explanation", "giai thich", "explanation")));
        for (String f : OPTION_FIELDS) {
            char letter = Character.toUpperCase(f.charAt(f.length() - 1));
            String lower = String.valueOf(Character.toLowerCase(letter));
            fields.add(ImportField.optional(f, "lua chon " + lower, "phuong an " + lower, lower, "option " + lower));
        }
        return fields;
    }

    @Override
    public void checkAllowed(AppUser user) {
        QuestionBank.checkAuthor(user);
    }

    @Override
    public ImportOutcome run(ImportRun run) {
        Framework framework = frameworks.current();
        Map<String, Question> questions = new LinkedHashMap<>();
        Map<String, Long> firstRow = new LinkedHashMap<>();
        run.read(new RowHandler() {
            @Override
            public void row(long rowNo, List<Cell> cells) {
                run.rowRead();
                QuestionDraft draft = draft(run, cells);
                List<QuestionBank.Problem> problems = QuestionBank.check(draft, framework);
                gap(run, cells).ifPresent(problems::add);
                for (String f : fieldsOf(run)) {
                    if (run.cell(cells, f).formula()) {
                        problems.add(new QuestionBank.Problem("import.error.formula",
                                new org.springframework.context.support.DefaultMessageSourceResolvable("import.field." + f)));
                    }
                }
                problems.forEach(p -> run.error(rowNo, p.key(), p.args()));
                if (!problems.isEmpty()) {
                    return;
                }
                Long earlier = firstRow.putIfAbsent(draft.code().trim(), rowNo);
                if (earlier != null) {
                    run.error(rowNo, "question.duplicateInFile", draft.code(), earlier);
                    return;
                }
                questions.put(draft.code().trim(), QuestionBank.toQuestion(draft, framework));
            }
        });
        if (run.errorCount() > 0) {
            return ImportOutcome.rejected(run.errorCount());
        }
        long[] counts = new long[2];
        tx.executeWithoutResult(s -> {
            for (Question q : questions.values()) {
                counts[repo.upsert(q, run.user().username()) ? 0 : 1]++;
            }
            audit.record("IMPORT", "question", run.jobId(), "/", "created=" + counts[0] + " updated=" + counts[1]);
        });
        return new ImportOutcome(questions.size(), counts[0], counts[1], 0);
    }

    /**
     * Options are numbered by their column: with B empty and C filled, C would become the second
     * option and the answer "C" would point at D's text. A gap is refused, naming both letters.
     */
    private static java.util.Optional<QuestionBank.Problem> gap(ImportRun run, List<Cell> cells) {
        String blank = null;
        for (String f : OPTION_FIELDS) {
            String letter = String.valueOf(Character.toUpperCase(f.charAt(f.length() - 1)));
            if (run.cell(cells, f).isBlank()) {
                if (blank == null) {
                    blank = letter;
                }
            } else if (blank != null) {
                return java.util.Optional.of(new QuestionBank.Problem("question.optionGap", blank, letter));
            }
        }
        return java.util.Optional.empty();
    }

    private static List<String> fieldsOf(ImportRun run) {
        return List.copyOf(run.mapping().keySet());
    }

    private static QuestionDraft draft(ImportRun run, List<Cell> cells) {
        List<String> options = new ArrayList<>();
        for (String f : OPTION_FIELDS) {
            String text = run.cell(cells, f).text();
            if (!text.isBlank()) {
                options.add(text);
            }
        }
        Integer difficulty;
        try {
            difficulty = (int) Double.parseDouble(run.cell(cells, "difficulty").text().trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            difficulty = null;
        }
        return new QuestionDraft(run.cell(cells, "question_code").text().trim(), run.cell(cells, "competency").text().trim(),
                groups(run.cell(cells, "target_groups").text()),
                QuestionType.parse(run.cell(cells, "question_type").text()).orElse(null), difficulty,
                run.cell(cells, "prompt").text(), options, run.cell(cells, "answer").text(),
                run.cell(cells, "explanation").text());
    }

    /** Target groups as written in a sheet: codes or Vietnamese names, separated by commas or semicolons. */
    static Set<TargetGroup> groups(String text) {
        Set<TargetGroup> groups = EnumSet.noneOf(TargetGroup.class);
        for (String part : text.split("[,;]")) {
            String f = VietnameseText.fold(part).replace('_', ' ').trim();
            if (f.isEmpty()) {
                continue;
            }
            TargetGroup g = switch (f) {
                case "adult", "nguoi dan", "nguoi dan truong thanh", "nguoi truong thanh" -> TargetGroup.ADULT;
                case "civil servant", "can bo", "can bo cong chuc", "can bo cong chuc vien chuc", "cong chuc" ->
                        TargetGroup.CIVIL_SERVANT;
                case "student", "hoc sinh", "sinh vien", "hoc sinh sinh vien" -> TargetGroup.STUDENT;
                case "worker", "nguoi lao dong", "nguoi lao dong doanh nghiep", "cong nhan" -> TargetGroup.WORKER;
                default -> null;
            };
            if (g == null) {
                return EnumSet.noneOf(TargetGroup.class); // reported as "no target group"
            }
            groups.add(g);
        }
        return groups;
    }
}
