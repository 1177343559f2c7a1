package vn.binhdan.importing.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.binhdan.importing.ImportService;

@Controller
class ImportReportDownload {

    private final ImportService imports;

    ImportReportDownload(ImportService imports) {
        this.imports = imports;
    }

    @GetMapping("/imports/{id}/errors.xlsx")
    void errors(@PathVariable String id, HttpServletResponse res) throws IOException {
        send(imports, id, res);
    }

    /** Shared with the API: checks access before the first byte, so a refusal is still a clean error. */
    static void send(ImportService imports, String id, HttpServletResponse res) throws IOException {
        imports.checkReport(id);
        res.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        res.setHeader("Content-Disposition", "attachment; filename=\"loi-nhap-" + id + ".xlsx\"");
        imports.writeErrorReport(id, res.getOutputStream());
    }
}
