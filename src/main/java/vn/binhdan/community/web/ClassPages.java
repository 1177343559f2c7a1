package vn.binhdan.community.web;

import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhdan.community.classes.CheckIn;
import vn.binhdan.community.classes.CheckInCode;
import vn.binhdan.community.classes.ClassForm;
import vn.binhdan.community.classes.ClassSession;
import vn.binhdan.community.classes.Classes;
import vn.binhdan.community.classes.CommunityClass;
import vn.binhdan.community.classes.EnrolSummary;
import vn.binhdan.community.classes.SessionForm;
import vn.binhdan.people.PersonService;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.NotFoundException;

/**
 * Classes in the browser: the list with a form to open one, a class with its sessions, and a
 * session's page for the teacher: its QR code to show, who is present, and ticking people found
 * in the registry or scanned from their own code. A refused form comes back with the reason.
 */
@Controller
class ClassPages {

    private final Classes classes;
    private final PersonService people;
    private final MessageSource messages;

    ClassPages(Classes classes, PersonService people, MessageSource messages) {
        this.classes = classes;
        this.people = people;
        this.messages = messages;
    }

    /** What the form holds when it comes back refused. */
    record Form(Long unitId, String title, String place, String teacherName, String topics, TargetGroup targetGroup,
                String courseCode, String date, String startsAt, String endsAt) {
    }

    @GetMapping("/classes")
    String list(@RequestParam(required = false) Long unitId, Model model) {
        return list(unitId, model, new Form(null, "", "", "", "", TargetGroup.ADULT, classes.defaultCourse(), "", "08:00",
                "10:00"), null);
    }

    private String list(Long unitId, Model model, Form form, String error) {
        model.addAttribute("classes", classes.list(unitId));
        model.addAttribute("units", classes.unitChoices());
        model.addAttribute("groups", TargetGroup.values());
        model.addAttribute("form", form);
        if (error != null) {
            model.addAttribute("error", error);
        }
        return "classes/list";
    }

    @PostMapping("/classes")
    String create(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String title,
                  @RequestParam(required = false) String place, @RequestParam(required = false) String teacherName,
                  @RequestParam(required = false) String topics, @RequestParam(required = false) TargetGroup targetGroup,
                  @RequestParam(required = false) String courseCode, @RequestParam(required = false) String date,
                  @RequestParam(required = false) String startsAt, @RequestParam(required = false) String endsAt,
                  Model model, RedirectAttributes flash) {
        Form typed = new Form(unitId, title, place, teacherName, topics, targetGroup, courseCode, date, startsAt, endsAt);
        try {
            SessionForm first = new SessionForm(Pages.date(date, "classes.session.badDate"),
                    Pages.time(startsAt, "classes.session.incomplete"), Pages.time(endsAt, "classes.session.incomplete"));
            CommunityClass c = classes.create(new ClassForm(unitId, title, place, null, teacherName, topics, targetGroup,
                    courseCode, List.of(first)));
            flash.addFlashAttribute("notice", Pages.message(messages, "classes.created", c.title()));
            return "redirect:/classes/" + c.id();
        } catch (BusinessException e) {
            Pages.rethrowAccess(e);
            return list(null, model, typed, Pages.message(messages, e));
        }
    }

    @GetMapping("/classes/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("c", classes.get(id));
        return "classes/show";
    }

    @PostMapping("/classes/{id}/sessions")
    String addSession(@PathVariable long id, @RequestParam(required = false) String date,
                      @RequestParam(required = false) String startsAt, @RequestParam(required = false) String endsAt,
                      RedirectAttributes flash) {
        try {
            classes.addSession(id, new SessionForm(Pages.date(date, "classes.session.badDate"),
                    Pages.time(startsAt, "classes.session.incomplete"), Pages.time(endsAt, "classes.session.incomplete")));
            flash.addFlashAttribute("notice", Pages.message(messages, "classes.sessionAdded"));
        } catch (BusinessException e) {
            Pages.rethrowAccess(e);
            flash.addFlashAttribute("error", Pages.message(messages, e));
        }
        return "redirect:/classes/" + id;
    }

    @PostMapping("/classes/{id}/sessions/{sessionId}/held")
    String held(@PathVariable long id, @PathVariable long sessionId, RedirectAttributes flash) {
        try {
            classes.markHeld(id, sessionId);
            flash.addFlashAttribute("notice", Pages.message(messages, "classes.heldSaved"));
        } catch (BusinessException e) {
            Pages.rethrowAccess(e);
            flash.addFlashAttribute("error", Pages.message(messages, e));
        }
        return "redirect:/classes/" + id;
    }

    @GetMapping("/classes/{id}/sessions/{sessionId}")
    String session(@PathVariable long id, @PathVariable long sessionId, @RequestParam(required = false) String q,
                   Model model) {
        CommunityClass c = classes.get(id);
        ClassSession session = c.sessions().stream().filter(s -> s.id() == sessionId).findFirst()
                .orElseThrow(() -> new NotFoundException("classes.sessionNotFound"));
        CheckInCode code = classes.code(id, sessionId);
        String url = Qr.checkinUrl(code.token());
        model.addAttribute("c", c);
        model.addAttribute("s", session);
        model.addAttribute("url", url);
        model.addAttribute("qr", Qr.svg(url, Pages.message(messages, "classes.qr.label")));
        model.addAttribute("attendees", classes.attendees(id, sessionId));
        model.addAttribute("q", q == null ? "" : q);
        if (q != null && !q.isBlank()) {
            try {
                model.addAttribute("found", people.search(q, null, 20));
            } catch (BusinessException e) {
                Pages.rethrowAccess(e);
                model.addAttribute("error", Pages.message(messages, e));
            }
        }
        return "classes/session";
    }

    @PostMapping("/classes/{id}/sessions/{sessionId}/attendance")
    String attend(@PathVariable long id, @PathVariable long sessionId, @RequestParam(required = false) Long personId,
                  @RequestParam(required = false) String personToken, RedirectAttributes flash) {
        try {
            CheckIn done = classes.record(id, sessionId, personId, personToken);
            flash.addFlashAttribute("notice", Pages.message(messages,
                    done.already() ? "classes.checkin.already" : "classes.checkin.done", done.fullName()));
        } catch (BusinessException e) {
            Pages.rethrowAccess(e);
            flash.addFlashAttribute("error", Pages.message(messages, e));
        }
        return "redirect:/classes/" + id + "/sessions/" + sessionId;
    }

    @PostMapping("/classes/{id}/enrol")
    String enrol(@PathVariable long id, @RequestParam(defaultValue = "false") boolean override, RedirectAttributes flash) {
        try {
            EnrolSummary r = classes.enrolAttendees(id, override);
            flash.addFlashAttribute("notice", Pages.message(messages, "classes.enrolled", r.added(), r.already(),
                    r.refused(), r.courseCode()));
        } catch (BusinessException e) {
            Pages.rethrowAccess(e);
            flash.addFlashAttribute("error", Pages.message(messages, e));
        }
        return "redirect:/classes/" + id;
    }

    @PostMapping("/classes/{id}/cancel")
    String cancel(@PathVariable long id, RedirectAttributes flash) {
        try {
            classes.cancel(id);
            flash.addFlashAttribute("notice", Pages.message(messages, "classes.cancelledNotice"));
        } catch (BusinessException e) {
            Pages.rethrowAccess(e);
            flash.addFlashAttribute("error", Pages.message(messages, e));
        }
        return "redirect:/classes/" + id;
    }
}
