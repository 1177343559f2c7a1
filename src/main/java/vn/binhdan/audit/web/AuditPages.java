package vn.binhdan.audit.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.binhdan.audit.AuditLog;

@Controller
class AuditPages {

    private final AuditLog audit;

    AuditPages(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String subjectId,
                 Model model) {
        model.addAttribute("actor", actor);
        model.addAttribute("subjectId", subjectId);
        model.addAttribute("entries", audit.search(actor, null, subjectId, 200));
        return "audit";
    }
}
