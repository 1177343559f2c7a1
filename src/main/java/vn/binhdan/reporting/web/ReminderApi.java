package vn.binhdan.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.binhdan.reporting.ReminderLog;
import vn.binhdan.reporting.Reminders;
import vn.binhdan.reporting.ReportContacts;
import vn.binhdan.reporting.UnitContact;

/** Units' contacts for reminders, and what became of the reminders sent. */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Báo cáo định kỳ")
class ReminderApi {

    private final ReportContacts contacts;
    private final Reminders reminders;

    ReminderApi(ReportContacts contacts, Reminders reminders) {
        this.contacts = contacts;
        this.reminders = reminders;
    }

    @Operation(summary = "Liên hệ nhận nhắc hạn báo cáo của đơn vị (người liên hệ, thư điện tử, điện thoại)")
    @GetMapping("/contacts/{unitId}")
    UnitContact contact(@PathVariable long unitId) {
        return contacts.get(unitId);
    }

    @Operation(summary = "Sửa liên hệ nhận nhắc hạn của đơn vị; để trống để xóa")
    @PutMapping("/contacts/{unitId}")
    UnitContact saveContact(@PathVariable long unitId, @RequestBody ReportContacts.ContactRequest request) {
        return contacts.save(unitId, request);
    }

    @Operation(summary = "Các lần nhắc hạn đã gửi cho đơn vị cấp dưới và kết quả từng lần (đã gửi, lỗi, không có liên hệ)")
    @GetMapping("/{form}/{unitId}/{period}/reminders")
    List<ReminderLog> reminders(@PathVariable String form, @PathVariable long unitId, @PathVariable String period) {
        return reminders.log(form, unitId, period);
    }
}
