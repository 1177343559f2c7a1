package vn.binhdan.assessment.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.binhdan.assessment.ExamForm;
import vn.binhdan.assessment.ExamOption;
import vn.binhdan.assessment.ExamResult;
import vn.binhdan.assessment.ExamService;
import vn.binhdan.people.TargetGroup;

/**
 * Taking an exam from an app: start, read the form, save answers one at a time (as often as the
 * learner changes them), submit. Items are addressed by their position in the attempt.
 */
@RestController
@RequestMapping("/api/v1")
class ExamApi {

    private final ExamService exams;
    private final vn.binhdan.assessment.ExamIntegrity integrity;

    ExamApi(ExamService exams, vn.binhdan.assessment.ExamIntegrity integrity) {
        this.exams = exams;
        this.integrity = integrity;
    }

    /** Attempts to review (shared devices, too fast, same wrong answers), for provincial administrators. */
    @GetMapping("/exam-integrity-flags")
    List<vn.binhdan.assessment.ExamIntegrity.Flag> flags(
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "30") int days) {
        return integrity.flags(days);
    }

    @GetMapping("/me/exams")
    List<ExamOption> mine() {
        return exams.myExams();
    }

    @PostMapping("/me/exams/{group}/attempts")
    @ResponseStatus(HttpStatus.CREATED)
    ExamForm start(@PathVariable TargetGroup group, HttpServletRequest request) {
        return exams.start(group, request.getRemoteAddr(), Devices.of(request));
    }

    @GetMapping("/me/exam-attempts/{id}")
    ExamForm form(@PathVariable String id) {
        return exams.form(id);
    }

    record Answer(List<Integer> choice) {
    }

    @PutMapping("/me/exam-attempts/{id}/items/{position}")
    ExamService.Saved save(@PathVariable String id, @PathVariable int position, @RequestBody Answer answer) {
        return exams.save(id, position, answer.choice());
    }

    @PostMapping("/me/exam-attempts/{id}/submit")
    ExamResult submit(@PathVariable String id) {
        return exams.submit(id);
    }

    @GetMapping("/me/exam-attempts/{id}/result")
    ExamResult result(@PathVariable String id) {
        return exams.result(id);
    }
}
