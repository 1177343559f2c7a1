package vn.binhdan.assessment.internal;

import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import vn.binhdan.importing.ImportJob;
import vn.binhdan.importing.ImportService;
import vn.binhdan.shared.SystemUser;
import vn.binhdan.skills.FrameworkService;

/**
 * Fills an empty bank with the questions shipped in the repository, through the same import a
 * teacher's Excel file goes through, so a new province can run exams on its first day. A
 * shipped file that the import refuses stops the start: it is a defect of the release.
 */
@Component
@Order(25)
class ShippedQuestions implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ShippedQuestions.class);

    private final ImportService imports;
    private final QuestionRepository questions;
    private final FrameworkService frameworks;

    ShippedQuestions(ImportService imports, QuestionRepository questions, FrameworkService frameworks) {
        this.imports = imports;
        this.questions = questions;
        this.frameworks = frameworks;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        String version = frameworks.current().version();
        ClassPathResource file = new ClassPathResource("content/questions/bank-" + version + ".csv");
        if (!file.exists() || questions.countForVersion(version) > 0) {
            return;
        }
        try (InputStream in = file.getInputStream()) {
            ImportJob job = SystemUser.call(SystemUser.SYSTEM,
                    () -> imports.runNow("QUESTION", file.getFilename(), in, null));
            if (job.status() != ImportJob.Status.DONE) {
                throw new IllegalStateException("The shipped question bank " + file.getFilename() + " was refused: "
                        + job.message() + " " + SystemUser.call(SystemUser.SYSTEM, () -> imports.errors(job.id(), 10)));
            }
            log.info("Installed {} shipped questions for framework {}", job.createdRows(), version);
        }
    }
}
