package vn.binhdan.assistant.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.binhdan.assistant.UnansweredTopics;

/** The authors' page of the questions the assistant could not answer, grouped by similarity. */
@Controller
class UnansweredPages {

    private final UnansweredTopics topics;

    UnansweredPages(UnansweredTopics topics) {
        this.topics = topics;
    }

    @GetMapping("/author/unanswered")
    String list(@RequestParam(defaultValue = "50") int limit, Model model) {
        model.addAttribute("topics", topics.topics(limit));
        return "author/unanswered";
    }
}
