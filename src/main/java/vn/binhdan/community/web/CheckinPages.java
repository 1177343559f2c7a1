package vn.binhdan.community.web;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.binhdan.community.classes.Classes;
import vn.binhdan.shared.BusinessException;

/**
 * The learner's side: the page a session's QR code opens (one tap to confirm, so a link preview
 * or a prefetch never checks anyone in), and the learner's own code for a teacher to scan.
 */
@Controller
class CheckinPages {

    private final Classes classes;
    private final MessageSource messages;

    CheckinPages(Classes classes, MessageSource messages) {
        this.classes = classes;
        this.messages = messages;
    }

    @GetMapping("/checkin")
    String confirm(@RequestParam(name = "t", required = false) String token, Model model) {
        model.addAttribute("token", token == null ? "" : token);
        try {
            model.addAttribute("checkin", classes.preview(token));
        } catch (BusinessException e) {
            Pages.rethrowAccess(e);
            model.addAttribute("error", Pages.message(messages, e));
        }
        return "classes/checkin";
    }

    @PostMapping("/checkin")
    String checkIn(@RequestParam(name = "t", required = false) String token, Model model) {
        model.addAttribute("token", token == null ? "" : token);
        try {
            var done = classes.checkIn(token);
            model.addAttribute("checkin", done);
            model.addAttribute("notice", Pages.message(messages,
                    done.already() ? "classes.checkin.already" : "classes.checkin.done", done.fullName()));
            model.addAttribute("finished", true);
        } catch (BusinessException e) {
            Pages.rethrowAccess(e);
            model.addAttribute("error", Pages.message(messages, e));
        }
        return "classes/checkin";
    }

    @GetMapping("/me/qr")
    String myCode(Model model) {
        try {
            model.addAttribute("qr", Qr.svg(classes.myCode(), Pages.message(messages, "classes.me.qrLabel")));
        } catch (BusinessException e) {
            Pages.rethrowAccess(e);
            model.addAttribute("error", Pages.message(messages, e));
        }
        return "classes/me";
    }
}
