package vn.binhdan.assistant.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.binhdan.assistant.AssistantService;
import vn.binhdan.assistant.SearchService;

/** The results page of the header's search box, and the assistant's chat page (works without scripts). */
@Controller
class SearchPages {

    private final SearchService search;
    private final AssistantService assistant;

    SearchPages(SearchService search, AssistantService assistant) {
        this.search = search;
        this.assistant = assistant;
    }

    @GetMapping("/search")
    String results(@RequestParam(defaultValue = "") String q, Model model) {
        String query = q.length() > SearchService.MAX_QUESTION ? q.substring(0, SearchService.MAX_QUESTION) : q;
        model.addAttribute("q", query);
        model.addAttribute("hits", search.search(query, 20));
        return "assistant/search";
    }

    @GetMapping("/assistant")
    String chat() {
        return "assistant/chat";
    }

    @PostMapping("/assistant")
    String ask(@RequestParam(defaultValue = "") String question, Model model) {
        model.addAttribute("reply", assistant.ask(question));
        return "assistant/chat";
    }
}
