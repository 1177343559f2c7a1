package vn.binhdan.audit.web;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.binhdan.audit.AuditLog;

@Controller
class AuditPages {

    /** The actions the form offers; any other still filters when typed into the address. */
    static final List<String> ACTIONS = List.of(AuditLog.LIST, "READ", AuditLog.REFUSED, "CREATE", "UPDATE", "DELETE",
            "IMPORT", "ENROL", "ISSUE", "REVOKE");

    private final AuditLog audit;

    AuditPages(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                 @RequestParam(required = false) Long person, @RequestParam(required = false) String subjectId,
                 Model model) {
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("person", person);
        model.addAttribute("subjectId", subjectId);
        model.addAttribute("actions", ACTIONS);
        model.addAttribute("entries", audit.search(actor, action, person, null, subjectId, 200));
        return "audit";
    }
}
