package vn.binhdan.importing.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.binhdan.importing.ImportField;
import vn.binhdan.importing.ImportJob;
import vn.binhdan.importing.ImportService;
import vn.binhdan.importing.ImportUpload;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.ForbiddenException;

/** The import wizard: upload, map columns on a preview, watch progress, download the error report. */
@Controller
class ImportPages {

    private final ImportService imports;
    private final MessageSource messages;

    ImportPages(ImportService imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @GetMapping("/imports")
    String index(Model model) {
        model.addAttribute("kinds", imports.kinds());
        model.addAttribute("jobs", imports.myJobs());
        return "imports/index";
    }

    @PostMapping("/imports")
    String upload(@RequestParam String kind, @RequestParam("file") MultipartFile file, Model model) throws IOException {
        try (InputStream in = file.getInputStream()) {
            model.addAttribute("upload", imports.upload(kind, file.getOriginalFilename(), in));
            return "imports/mapping";
        } catch (ForbiddenException e) {
            throw e;
        } catch (BusinessException e) {
            model.addAttribute("error", message(e));
            return index(model);
        }
    }

    @PostMapping("/imports/{id}/start")
    String start(@PathVariable String id, HttpServletRequest request, Model model) {
        if (imports.job(id).status() != ImportJob.Status.UPLOADED) {
            // a second click, or a job swept meanwhile: its page says which
            return "redirect:/imports/" + id;
        }
        ImportUpload upload = imports.describe(id);
        Map<String, Integer> mapping = new HashMap<>();
        for (ImportField f : upload.fields()) {
            String v = request.getParameter(f.key());
            if (v != null && v.matches("-?\\d{1,4}")) {
                mapping.put(f.key(), Integer.parseInt(v));
            }
        }
        try {
            imports.start(id, mapping);
            return "redirect:/imports/" + id;
        } catch (ForbiddenException e) {
            throw e;
        } catch (BusinessException e) {
            model.addAttribute("upload", upload);
            model.addAttribute("error", message(e));
            return "imports/mapping";
        }
    }

    @PostMapping("/imports/{id}/cancel")
    String cancel(@PathVariable String id) {
        imports.cancel(id);
        return "redirect:/imports";
    }

    @GetMapping("/imports/{id}")
    String show(@PathVariable String id, Model model) {
        model.addAttribute("job", imports.job(id));
        return "imports/show";
    }

    /** The progress fragment htmx polls every second while the import runs. */
    @GetMapping("/imports/{id}/progress")
    String progress(@PathVariable String id, Model model) {
        model.addAttribute("job", imports.job(id));
        return "imports/show :: progress";
    }

    private String message(BusinessException e) {
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
    }
}
