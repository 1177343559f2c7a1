package vn.binhdan.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.binhdan.reporting.FormSetup;
import vn.binhdan.reporting.ReportForm;

/**
 * Setting up report forms over JSON, for provincial administrators. A due rule is written as the
 * form files write it ({@code FIXED_DATE 12-10}, {@code QUARTER_LAST_MONTH_DAY 15},
 * {@code LAST_MONTH_DAY 15}, {@code QUARTER_MIDDLE_MONTH_DAY 20}, {@code NEXT_MONTH_DAY 5}).
 */
@RestController
@RequestMapping("/api/v1/report-forms")
@Tag(name = "Báo cáo định kỳ")
class FormApi {

    private final FormSetup setup;

    FormApi(FormSetup setup) {
        this.setup = setup;
    }

    @Operation(summary = "Các biểu mẫu báo cáo người dùng được thiết lập (của tỉnh mình)")
    @GetMapping
    List<ReportForm> editable() {
        return setup.editable();
    }

    @Operation(summary = "Tạo biểu mẫu báo cáo của tỉnh: chỉ tiêu, phần nội dung, loại kỳ, hạn nộp theo cấp, nhắc hạn")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ReportForm create(@RequestBody FormSetup.FormRequest request) {
        return setup.create(request);
    }

    @Operation(summary = "Biểu mẫu với các phiên bản của nó")
    @GetMapping("/{code}")
    FormSetup.FormDetail detail(@PathVariable String code) {
        return setup.detail(code);
    }

    @Operation(summary = "Sửa biểu mẫu: tạo phiên bản mới; báo cáo đã bắt đầu giữ phiên bản cũ")
    @PutMapping("/{code}")
    ReportForm update(@PathVariable String code, @RequestBody FormSetup.FormRequest request) {
        return setup.update(code, request);
    }
}
