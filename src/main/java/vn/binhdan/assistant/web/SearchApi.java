package vn.binhdan.assistant.web;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.binhdan.assistant.AssistantReply;
import vn.binhdan.assistant.AssistantService;
import vn.binhdan.assistant.SearchHit;
import vn.binhdan.assistant.SearchService;
import vn.binhdan.assistant.UnansweredGroup;

/** Search and the assistant for apps: the same answers as the pages. */
@RestController
@RequestMapping("/api/v1")
class SearchApi {

    private final SearchService search;
    private final AssistantService assistant;

    SearchApi(SearchService search, AssistantService assistant) {
        this.search = search;
        this.assistant = assistant;
    }

    record Results(String q, List<SearchHit> hits) {
    }

    @GetMapping("/search")
    Results search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "10") int limit) {
        return new Results(q.length() > SearchService.MAX_QUESTION ? q.substring(0, SearchService.MAX_QUESTION) : q,
                search.search(q, limit));
    }

    record Ask(String question) {
    }

    @PostMapping("/assistant/ask")
    AssistantReply ask(@RequestBody(required = false) Ask body) {
        return assistant.ask(body == null ? null : body.question());
    }

    @GetMapping("/assistant/unanswered")
    List<UnansweredGroup> unanswered(@RequestParam(defaultValue = "50") int limit) {
        return assistant.unanswered(limit);
    }
}
