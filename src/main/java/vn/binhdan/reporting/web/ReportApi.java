package vn.binhdan.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.binhdan.reporting.Completeness;
import vn.binhdan.reporting.Consolidated;
import vn.binhdan.reporting.Draft;
import vn.binhdan.reporting.Oversight;
import vn.binhdan.reporting.QueueEntry;
import vn.binhdan.reporting.Report;
import vn.binhdan.reporting.ReportForm;
import vn.binhdan.reporting.Reports;
import vn.binhdan.reporting.Validation;
import vn.binhdan.reporting.Violation;
import vn.binhdan.reporting.internal.ConsolidatedXlsx;

/**
 * Periodic reports over JSON. A report is addressed as {form}/{unitId}/{period}, the period
 * written 2026Q3, 2026M09 or 2026. Refused input comes back as a problem detail whose
 * {@code errors} list names each refused field (the report page's field ids) with its message.
 */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Báo cáo định kỳ")
class ReportApi {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    record ReturnRequest(String comment) {
    }

    /** Explanations for the warnings the figures raise, by warning key; optional. */
    record SubmitRequest(Map<String, String> explanations) {
    }

    /** A report with what its rules say about it now: errors and warnings (with the unit's explanations). */
    record CheckedReport(@com.fasterxml.jackson.annotation.JsonUnwrapped Report report, List<Violation> violations) {
    }

    private final Reports reports;
    private final Oversight oversight;
    private final ConsolidatedXlsx xlsx;
    private final vn.binhdan.reporting.internal.ConsolidatedDocument document;
    private final Validation validation;

    ReportApi(Reports reports, Oversight oversight, ConsolidatedXlsx xlsx, vn.binhdan.reporting.internal.ConsolidatedDocument document,
              Validation validation) {
        this.validation = validation;
        this.reports = reports;
        this.oversight = oversight;
        this.xlsx = xlsx;
        this.document = document;
    }

    @Operation(summary = "Các biểu mẫu báo cáo: chỉ tiêu, phần nội dung, loại kỳ và hạn nộp")
    @GetMapping("/forms")
    List<ReportForm> forms() {
        return reports.forms();
    }

    @Operation(summary = "Báo cáo đã gửi đang chờ người dùng duyệt (với tư cách cấp trên)")
    @GetMapping("/queue")
    List<QueueEntry> queue() {
        return reports.queue();
    }

    @Operation(summary = "Báo cáo của một đơn vị trong một kỳ; số liệu tự động lấy trực tiếp khi còn là bản nháp")
    @GetMapping("/{form}/{unitId}/{period}")
    CheckedReport get(@PathVariable String form, @PathVariable long unitId, @PathVariable String period) {
        Report r = reports.get(form, unitId, period);
        return new CheckedReport(r, validation.check(r));
    }

    @Operation(summary = "Lưu bản nháp (thay toàn bộ số liệu khai báo, nội dung và giải trình); "
            + "bản nháp có lỗi vẫn được lưu, các vi phạm quy tắc kiểm tra được trả kèm")
    @PutMapping("/{form}/{unitId}/{period}")
    CheckedReport save(@PathVariable String form, @PathVariable long unitId, @PathVariable String period,
                       @RequestBody Draft draft) {
        Report r = reports.save(form, unitId, period, draft);
        return new CheckedReport(r, validation.check(r));
    }

    @Operation(summary = "Gửi báo cáo lên cấp trên (kèm giải trình cho các cảnh báo nếu có); bị từ chối (422) "
            + "khi còn lỗi hoặc cảnh báo chưa giải trình; gửi lại báo cáo đã gửi trả về nguyên trạng")
    @PostMapping("/{form}/{unitId}/{period}/submit")
    CheckedReport submit(@PathVariable String form, @PathVariable long unitId, @PathVariable String period,
                         @RequestBody(required = false) SubmitRequest request) {
        Report r = reports.submit(form, unitId, period, request == null ? Map.of() : request.explanations());
        return new CheckedReport(r, validation.check(r));
    }

    @Operation(summary = "Cấp trên phê duyệt báo cáo")
    @PostMapping("/{form}/{unitId}/{period}/approve")
    Report approve(@PathVariable String form, @PathVariable long unitId, @PathVariable String period) {
        return reports.approve(form, unitId, period);
    }

    @Operation(summary = "Cấp trên trả lại báo cáo kèm ý kiến để đơn vị sửa và gửi lại")
    @PostMapping("/{form}/{unitId}/{period}/return")
    Report returnToUnit(@PathVariable String form, @PathVariable long unitId, @PathVariable String period,
                        @RequestBody ReturnRequest request) {
        return reports.returnToUnit(form, unitId, period, request.comment());
    }

    @Operation(summary = "Đơn vị cấp dưới nào đã nộp, nộp muộn hay chưa nộp")
    @GetMapping("/{form}/{unitId}/{period}/completeness")
    Completeness completeness(@PathVariable String form, @PathVariable long unitId, @PathVariable String period) {
        return oversight.completeness(form, unitId, period);
    }

    @Operation(summary = "Ghi nhắc nhở cho các đơn vị cấp dưới chưa nộp báo cáo")
    @PostMapping("/{form}/{unitId}/{period}/reminders")
    Completeness remind(@PathVariable String form, @PathVariable long unitId, @PathVariable String period) {
        return oversight.remind(form, unitId, period);
    }

    @Operation(summary = "Tổng hợp các báo cáo đã duyệt của đơn vị cấp dưới")
    @GetMapping("/{form}/{unitId}/{period}/consolidated")
    Consolidated consolidated(@PathVariable String form, @PathVariable long unitId, @PathVariable String period) {
        return oversight.consolidated(form, unitId, period);
    }

    @Operation(summary = "Bảng tổng hợp dạng Excel (XLSX)")
    @GetMapping("/{form}/{unitId}/{period}/consolidated.xlsx")
    ResponseEntity<byte[]> consolidatedXlsx(@PathVariable String form, @PathVariable long unitId,
                                            @PathVariable String period) {
        Consolidated c = oversight.consolidated(form, unitId, period);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                .header("Content-Disposition", ReportPages.attachment(c, "xlsx"))
                .body(xlsx.write(c, LocaleContextHolder.getLocale()));
    }

    @Operation(summary = "Báo cáo tổng hợp theo thể thức văn bản hành chính (DOCX hoặc PDF)")
    @GetMapping("/{form}/{unitId}/{period}/consolidated.{format:docx|pdf}")
    ResponseEntity<byte[]> consolidatedDocument(@PathVariable String form, @PathVariable long unitId,
                                                @PathVariable String period, @PathVariable String format,
                                                @RequestParam(required = false) String signer,
                                                @RequestParam(required = false) String signerTitle) {
        var who = vn.binhdan.reporting.internal.ConsolidatedDocument.Signer.of(signer, signerTitle);
        Consolidated c = oversight.consolidated(form, unitId, period);
        boolean word = "docx".equals(format);
        return ResponseEntity.ok().contentType(word ? MediaType.parseMediaType(DOCX) : MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ReportPages.attachment(c, format))
                .body(word ? document.docx(c, who) : document.pdf(c, who));
    }
}
