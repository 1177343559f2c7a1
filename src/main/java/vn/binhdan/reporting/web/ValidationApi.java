package vn.binhdan.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.binhdan.reporting.Validation;
import vn.binhdan.reporting.ValidationRule;
import vn.binhdan.reporting.ValidationRules;
import vn.binhdan.reporting.ValidationRun;
import vn.binhdan.reporting.internal.rules.ValidationXlsx;

/**
 * Validation rules over JSON: the run over every report of a period below a unit (also as
 * XLSX), and the province's administration of its rules. A refused rule comes back as a problem
 * detail whose {@code errors} name the rule's field (indicatorCode, operator, leftSide, …).
 */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Báo cáo định kỳ")
class ValidationApi {

    private final Validation validation;
    private final ValidationRules rules;
    private final ValidationXlsx xlsx;

    ValidationApi(Validation validation, ValidationRules rules, ValidationXlsx xlsx) {
        this.validation = validation;
        this.rules = rules;
        this.xlsx = xlsx;
    }

    @Operation(summary = "Kiểm tra số liệu mọi báo cáo của kỳ trong địa bàn: vi phạm theo đơn vị")
    @GetMapping("/{form}/{unitId}/{period}/validation")
    ValidationRun run(@PathVariable String form, @PathVariable long unitId, @PathVariable String period) {
        return validation.run(form, unitId, period);
    }

    @Operation(summary = "Kết quả kiểm tra số liệu dạng Excel (XLSX)")
    @GetMapping("/{form}/{unitId}/{period}/validation.xlsx")
    ResponseEntity<byte[]> runXlsx(@PathVariable String form, @PathVariable long unitId, @PathVariable String period) {
        ValidationRun run = validation.run(form, unitId, period);
        return xlsx(run, xlsx.write(run, LocaleContextHolder.getLocale()));
    }

    @Operation(summary = "Các quy tắc kiểm tra số liệu áp dụng cho báo cáo của người dùng")
    @GetMapping("/validation-rules")
    List<ValidationRule> list() {
        return rules.list();
    }

    @Operation(summary = "Tạo quy tắc kiểm tra cho các báo cáo của tỉnh (quản trị cấp tỉnh)")
    @PostMapping("/validation-rules")
    ValidationRule create(@RequestBody ValidationRule.Draft draft) {
        return rules.create(draft);
    }

    @Operation(summary = "Sửa quy tắc kiểm tra")
    @PutMapping("/validation-rules/{code}")
    ValidationRule change(@PathVariable String code, @RequestBody ValidationRule.Draft draft) {
        return rules.change(code, draft);
    }

    @Operation(summary = "Tắt quy tắc kiểm tra")
    @PostMapping("/validation-rules/{code}/deactivate")
    ValidationRule deactivate(@PathVariable String code) {
        return rules.setActive(code, false);
    }

    @Operation(summary = "Bật lại quy tắc kiểm tra")
    @PostMapping("/validation-rules/{code}/activate")
    ValidationRule activate(@PathVariable String code) {
        return rules.setActive(code, true);
    }

    static ResponseEntity<byte[]> xlsx(ValidationRun run, byte[] body) {
        // ASCII only: codes and the period id, which every browser and mail client keeps intact
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(ReportApi.XLSX))
                .header("Content-Disposition", "attachment; filename=\"kiem-tra-" + run.formCode() + "-"
                        + run.unitCode() + "-" + run.period().id() + ".xlsx\"")
                .body(body);
    }
}
