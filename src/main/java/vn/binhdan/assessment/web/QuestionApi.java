package vn.binhdan.assessment.web;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.binhdan.assessment.Question;
import vn.binhdan.assessment.QuestionBank;
import vn.binhdan.assessment.QuestionDraft;
import vn.binhdan.assessment.internal.QuestionSheet;
import vn.binhdan.people.TargetGroup;

/** The question bank for content authors; questions in bulk come through the import (kind QUESTION). */
@RestController
@RequestMapping("/api/v1/questions")
class QuestionApi {

    private final QuestionBank bank;

    QuestionApi(QuestionBank bank) {
        this.bank = bank;
    }

    @GetMapping
    List<Question> list(@RequestParam(required = false) String competency,
                        @RequestParam(required = false) TargetGroup group) {
        return bank.list(competency, group);
    }

    /** The bank (or a competency's part of it) as an XLSX sheet that the import reads back. */
    @GetMapping(value = "/sheet.xlsx")
    void sheet(@RequestParam(required = false) String competency, @RequestParam(required = false) TargetGroup group,
               jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        List<Question> questions = bank.list(competency, group);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"ngan-hang-cau-hoi.xlsx\"");
        QuestionSheet.write(questions, response.getOutputStream());
    }

    @GetMapping("/{code}")
    Question get(@PathVariable String code) {
        return bank.get(code);
    }

    /** Creates or replaces the question with this code. */
    @PutMapping("/{code}")
    Question put(@PathVariable String code, @RequestBody QuestionDraft draft) {
        return bank.save(new QuestionDraft(code, draft.competency(), draft.targetGroups(), draft.type(),
                draft.difficulty(), draft.prompt(), draft.options(), draft.answer(), draft.explanation()));
    }
}
