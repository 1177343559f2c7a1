package vn.binhdan.community.web;

import java.io.IOException;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhdan.community.NominationDraft;
import vn.binhdan.community.NominationKind;
import vn.binhdan.community.Recognition;
import vn.binhdan.shared.BusinessException;

/**
 * Nominations in the browser: the list with a form to nominate, one nomination with its evidence
 * and the decision the reader may take, and the public honour list.
 */
@Controller
class RecognitionPages {

    private final Recognition recognition;
    private final PageSupport pages;

    RecognitionPages(Recognition recognition, PageSupport pages) {
        this.recognition = recognition;
        this.pages = pages;
    }

    @GetMapping("/recognised")
    String published(Model model) {
        model.addAttribute("recognised", recognition.published());
        return "recognition/public";
    }

    @GetMapping("/recognition")
    String list(Model model) {
        model.addAttribute("nominations", recognition.list());
        model.addAttribute("villages", recognition.villages());
        model.addAttribute("criteria", recognition.criteria());
        return "recognition/list";
    }

    @PostMapping("/recognition")
    String create(@RequestParam(required = false) NominationKind kind, @RequestParam(required = false) String personId,
                  @RequestParam(required = false) Long unitId, @RequestParam(required = false) String evidenceText,
                  @RequestParam(required = false) String link,
                  @RequestParam(name = "criteria", required = false) List<String> criteria, RedirectAttributes flash) {
        try {
            var n = recognition.create(new NominationDraft(kind, kind == NominationKind.CITIZEN ? PageSupport.id(personId)
                    : null, kind == NominationKind.VILLAGE ? unitId : null, evidenceText,
                    link == null ? List.of() : List.of(link), criteria));
            flash.addFlashAttribute("notice", pages.message("recognition.created", n.nomineeName()));
            return "redirect:/recognition/" + n.id();
        } catch (BusinessException e) {
            PageSupport.rethrowAccess(e);
            flash.addFlashAttribute("error", pages.message(e));
            return "redirect:/recognition#new";
        }
    }

    @GetMapping("/recognition/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("n", recognition.get(id));
        model.addAttribute("criteria", recognition.criteria());
        return "recognition/show";
    }

    @PostMapping("/recognition/{id}/evidence")
    String evidence(@PathVariable long id, @RequestParam(required = false) String link,
                    @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes flash)
            throws IOException {
        try {
            // the nomination must be the user's before anything is read from the upload
            recognition.get(id);
            boolean any = false;
            if (link != null && !link.isBlank()) {
                recognition.addLink(id, link);
                any = true;
            }
            if (file != null && !file.isEmpty()) {
                recognition.addFile(id, file.getOriginalFilename(), Downloads.bytes(file));
                any = true;
            }
            if (!any) {
                throw new BusinessException("recognition.evidenceRequired");
            }
            flash.addFlashAttribute("notice", pages.message("recognition.evidenceSaved"));
        } catch (BusinessException e) {
            PageSupport.rethrowAccess(e);
            flash.addFlashAttribute("error", pages.message(e));
        }
        return "redirect:/recognition/" + id + "#evidence";
    }

    @GetMapping("/recognition/{id}/evidence/{evidenceId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long evidenceId) {
        return Downloads.download(recognition.file(id, evidenceId));
    }

    @PostMapping("/recognition/{id}/submit")
    String submit(@PathVariable long id, RedirectAttributes flash) {
        return act(id, flash, "recognition.submitted", () -> recognition.submit(id));
    }

    @PostMapping("/recognition/{id}/decision")
    String decide(@PathVariable long id, @RequestParam(required = false) String action,
                  @RequestParam(required = false) String comment, RedirectAttributes flash) {
        if ("return".equals(action)) {
            return act(id, flash, "recognition.returned", () -> recognition.returnTo(id, comment));
        }
        return act(id, flash, "recognition.approved", () -> recognition.approve(id));
    }

    @PostMapping("/recognition/{id}/withdraw")
    String withdraw(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return act(id, flash, "recognition.withdrawn", () -> recognition.withdraw(id, reason));
    }

    private String act(long id, RedirectAttributes flash, String notice, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("notice", pages.message(notice));
        } catch (BusinessException e) {
            PageSupport.rethrowAccess(e);
            flash.addFlashAttribute("error", pages.message(e));
        }
        return "redirect:/recognition/" + id;
    }
}
