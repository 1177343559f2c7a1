package vn.binhdan.assessment.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import vn.binhdan.assessment.Question;
import vn.binhdan.assessment.QuestionBank;
import vn.binhdan.assessment.QuestionDraft;
import vn.binhdan.assessment.QuestionType;
import vn.binhdan.assessment.ShippedBank;
import vn.binhdan.importing.ImportJob;
import vn.binhdan.importing.ImportService;
import vn.binhdan.shared.SystemUser;
import vn.binhdan.shared.shipped.ShippedReleases;
import vn.binhdan.shared.tabular.Cell;
import vn.binhdan.shared.tabular.TabularFormat;
import vn.binhdan.shared.tabular.TabularReader;
import vn.binhdan.skills.Framework;
import vn.binhdan.skills.FrameworkService;

/**
 * Fills an empty bank with the questions shipped in the repository, through the same import a
 * teacher's Excel file goes through, so a new province can run exams on its first day; on every
 * later start, brings the shipped questions the province left alone up to this release
 * ({@link ShippedBank}). A shipped file that the import refuses stops the start: it is a defect
 * of the release.
 */
@Component
@Order(25)
public class ShippedQuestions implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ShippedQuestions.class);

    private final ImportService imports;
    private final QuestionRepository questions;
    private final FrameworkService frameworks;
    private final ShippedBank bank;

    ShippedQuestions(ImportService imports, QuestionRepository questions, FrameworkService frameworks,
                     ShippedBank bank) {
        this.imports = imports;
        this.questions = questions;
        this.frameworks = frameworks;
        this.bank = bank;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Framework framework = frameworks.current();
        ClassPathResource file = file(framework.version());
        if (!file.exists()) {
            return;
        }
        if (questions.countForVersion(framework.version()) == 0) {
            try (InputStream in = file.getInputStream()) {
                ImportJob job = SystemUser.call(SystemUser.SYSTEM,
                        () -> imports.runNow("QUESTION", file.getFilename(), in, null));
                if (job.status() != ImportJob.Status.DONE) {
                    throw new IllegalStateException("The shipped question bank " + file.getFilename() + " was refused: "
                            + job.message() + " " + SystemUser.call(SystemUser.SYSTEM, () -> imports.errors(job.id(), 10)));
                }
                log.info("Installed {} shipped questions for framework {}", job.createdRows(), framework.version());
            }
        }
        List<Question> release = read(framework).orElseThrow();
        Map<String, ShippedReleases.Outcome> outcomes = SystemUser.call(SystemUser.SYSTEM, () -> bank.installShipped(release));
        Map<ShippedReleases.Outcome, Integer> counts = new EnumMap<>(ShippedReleases.Outcome.class);
        outcomes.values().forEach(o -> counts.merge(o, 1, Integer::sum));
        if (counts.containsKey(ShippedReleases.Outcome.UPGRADED) || counts.containsKey(ShippedReleases.Outcome.INSTALLED)
                || counts.containsKey(ShippedReleases.Outcome.DEFERRED)) {
            // DEFERRED: asked by a contest round not scored yet; upgraded on a start after the round is scored
            log.info("Shipped questions brought up to this release: {}", counts);
        }
        if (counts.containsKey(ShippedReleases.Outcome.KEPT_LOCAL_EDITS)) {
            log.warn("{} shipped questions were edited here, so this release's version of them is not installed; an "
                    + "author can compare them (GET /api/v1/questions/shipped-updates)",
                    counts.get(ShippedReleases.Outcome.KEPT_LOCAL_EDITS));
        }
    }

    private static ClassPathResource file(String version) {
        return new ClassPathResource("content/questions/bank-" + version + ".csv");
    }

    /** The questions this release ships for a framework edition, if it ships any. */
    public static Optional<List<Question>> read(Framework framework) throws IOException {
        ClassPathResource file = file(framework.version());
        if (!file.exists()) {
            return Optional.empty();
        }
        return Optional.of(parse(file.getContentAsByteArray(), framework));
    }

    /**
     * The shipped sheet, read as the import reads it (same checks, same cleaning), by column
     * position: the file is the release's own, its columns fixed.
     */
    static List<Question> parse(byte[] csv, Framework framework) throws IOException {
        Path tmp = Files.createTempFile("shipped-bank", ".csv");
        try {
            Files.write(tmp, csv);
            List<Question> out = new ArrayList<>();
            TabularReader.read(tmp, TabularFormat.CSV, (rowNo, cells) -> {
                List<String> options = new ArrayList<>();
                for (int c = 6; c < 12; c++) {
                    if (!cells.get(c).isBlank()) {
                        options.add(cells.get(c).text());
                    }
                }
                Integer difficulty;
                try {
                    difficulty = (int) Double.parseDouble(text(cells, 4).trim().replace(',', '.'));
                } catch (NumberFormatException e) {
                    difficulty = null;
                }
                QuestionDraft draft = new QuestionDraft(text(cells, 0).trim(), text(cells, 1).trim(),
                        QuestionImporter.groups(text(cells, 2)), QuestionType.parse(text(cells, 3)).orElse(null),
                        difficulty, text(cells, 5), options, text(cells, 12), text(cells, 13));
                List<QuestionBank.Problem> problems = QuestionBank.check(draft, framework);
                if (!problems.isEmpty()) {
                    throw new IllegalStateException("The shipped question bank, row " + rowNo + ": "
                            + problems.stream().map(p -> p.key() + java.util.Arrays.toString(p.args())).toList());
                }
                out.add(QuestionBank.toQuestion(draft, framework));
            });
            return out;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String text(List<Cell> cells, int column) {
        return column < cells.size() ? cells.get(column).text() : "";
    }
}
