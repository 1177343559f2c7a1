package vn.binhdan.assistant.internal.path;

import java.util.Set;
import org.springframework.stereotype.Component;
import vn.binhdan.assessment.QuestionsMetElsewhere;

/** The placement check asks the exam's bank: the exam then draws other questions while it can. */
@Component
class PlacementQuestionsMet implements QuestionsMetElsewhere {

    private final PathRepository repo;

    PlacementQuestionsMet(PathRepository repo) {
        this.repo = repo;
    }

    @Override
    public Set<String> questionCodes(long personId) {
        return repo.placementQuestions(personId);
    }
}
