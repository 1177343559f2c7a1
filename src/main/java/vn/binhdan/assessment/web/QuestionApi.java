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
