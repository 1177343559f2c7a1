package vn.binhdan.community.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.binhdan.community.outreach.Outreach;
import vn.binhdan.community.outreach.OutreachForm;
import vn.binhdan.community.outreach.OutreachItem;
import vn.binhdan.community.outreach.OutreachMonth;
import vn.binhdan.shared.BusinessException;

@RestController
@RequestMapping("/api/v1/outreach")
@Tag(name = "Tuyên truyền")
class OutreachApi {

    private final Outreach outreach;

    OutreachApi(Outreach outreach) {
        this.outreach = outreach;
    }

    @Operation(summary = "Tin, bài, video và hoạt động trực quan của một đơn vị trong tháng (yyyy-MM), so với chỉ tiêu tháng")
    @GetMapping
    OutreachMonth month(@RequestParam long unitId, @RequestParam(required = false) String month) {
        return outreach.month(unitId, month(month));
    }

    @Operation(summary = "Ghi một hoạt động tuyên truyền đã thực hiện (không nhận ngày tương lai; tin, video, bài mạng xã hội cần đường dẫn)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    OutreachItem create(@RequestBody OutreachForm form) {
        return outreach.create(form);
    }

    @Operation(summary = "Rút một hoạt động ghi nhầm: không còn được tính")
    @DeleteMapping("/{id}")
    OutreachItem withdraw(@PathVariable long id) {
        return outreach.withdraw(id);
    }

    static YearMonth month(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new BusinessException("outreach.badMonth", s);
        }
    }
}
