package vn.binhdan.privacy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.binhdan.privacy.Breach;
import vn.binhdan.privacy.BreachForm;
import vn.binhdan.privacy.Breaches;
import vn.binhdan.privacy.ConsentChoice;
import vn.binhdan.privacy.Correction;
import vn.binhdan.privacy.CorrectionAnswer;
import vn.binhdan.privacy.CorrectionRequest;
import vn.binhdan.privacy.Erasure;
import vn.binhdan.privacy.ErasureCheck;
import vn.binhdan.privacy.Erasures;
import vn.binhdan.privacy.Corrections;
import vn.binhdan.privacy.MyData;
import vn.binhdan.privacy.MyDataService;
import vn.binhdan.privacy.MyPrivacy;
import vn.binhdan.privacy.Notice;
import vn.binhdan.privacy.NoticeDraft;
import vn.binhdan.privacy.PrivacyNotices;
import vn.binhdan.privacy.Retention;
import vn.binhdan.privacy.RetentionRule;
import vn.binhdan.privacy.RetentionRun;

/** A person's rights over their data, and the province's side of them. */
@RestController
@Tag(name = "Bảo vệ dữ liệu cá nhân")
class PrivacyApi {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final PrivacyNotices notices;
    private final MyDataService data;
    private final Corrections corrections;
    private final Retention retention;
    private final Breaches breaches;
    private final Erasures erasures;

    PrivacyApi(PrivacyNotices notices, MyDataService data, Corrections corrections, Retention retention, Breaches breaches,
               Erasures erasures) {
        this.erasures = erasures;
        this.breaches = breaches;
        this.notices = notices;
        this.data = data;
        this.corrections = corrections;
        this.retention = retention;
    }

    @Operation(summary = "Các phiên bản thông báo xử lý dữ liệu cá nhân trong phạm vi quản trị")
    @GetMapping("/api/v1/privacy/notices")
    List<Notice> notices() {
        return notices.notices();
    }

    @Operation(summary = "Công bố phiên bản mới của thông báo xử lý dữ liệu cá nhân (mọi người được hỏi lại)")
    @PostMapping("/api/v1/privacy/notices")
    Notice publish(@RequestBody NoticeDraft draft) {
        return notices.publish(draft);
    }

    @Operation(summary = "Sửa một phiên bản chưa ai đọc; phiên bản đã có người đọc thì giữ nguyên, nội dung sửa thành phiên bản mới (mọi người được hỏi lại)")
    @PutMapping("/api/v1/privacy/notices/{id}")
    Notice revise(@PathVariable long id, @RequestBody NoticeDraft draft) {
        return notices.revise(id, draft);
    }

    @Operation(summary = "Thông báo đang áp dụng cho tôi và các lựa chọn đồng ý của tôi")
    @GetMapping("/api/v1/me/privacy")
    MyPrivacy mine() {
        return notices.mine();
    }

    @Operation(summary = "Đồng ý hoặc không đồng ý (rút lại) từng mục đích xử lý; có hiệu lực ngay")
    @PutMapping("/api/v1/me/consents")
    MyPrivacy decide(@RequestBody ConsentChoice choice) {
        return notices.decide(choice);
    }

    @Operation(summary = "Dữ liệu của tôi: mọi thông tin nền tảng lưu về tôi và ai đã xem hồ sơ của tôi")
    @GetMapping("/api/v1/me/data")
    ResponseEntity<MyData> myData(@RequestParam(required = false) Boolean download) {
        MyData mine = data.mine();
        ResponseEntity.BodyBuilder b = ResponseEntity.ok();
        if (Boolean.TRUE.equals(download)) {
            b.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"du-lieu-cua-toi.json\"");
        }
        return b.body(mine);
    }

    @Operation(summary = "Dữ liệu của tôi dưới dạng bảng tính XLSX")
    @GetMapping("/api/v1/me/data.xlsx")
    ResponseEntity<byte[]> myDataXlsx() {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"du-lieu-cua-toi.xlsx\"")
                .body(data.xlsx(data.mine()));
    }

    @Operation(summary = "Xóa tài khoản: ẩn danh dữ liệu học tập (giữ số liệu và chứng nhận đã cấp); hồ sơ trong sổ đăng ký do luật buộc lưu được giữ và nói rõ; tài khoản bị pháp luật buộc lưu thì được giải thích vì sao không xóa")
    @PostMapping("/api/v1/me/erasure")
    Erasure erasure() {
        return erasures.erase();
    }

    @Operation(summary = "Trước khi yêu cầu xóa: nghĩa vụ pháp lý nào giữ dữ liệu của tôi và những gì vẫn được giữ")
    @GetMapping("/api/v1/me/erasure")
    ErasureCheck erasureCheck() {
        return erasures.check();
    }

    @Operation(summary = "Các yêu cầu chỉnh sửa hồ sơ của tôi và câu trả lời")
    @GetMapping("/api/v1/me/corrections")
    List<Correction> myCorrections() {
        return corrections.mine();
    }

    @Operation(summary = "Yêu cầu chỉnh sửa thông tin sai trong hồ sơ của tôi")
    @PostMapping("/api/v1/me/corrections")
    Correction ask(@RequestBody CorrectionRequest request) {
        return corrections.ask(request);
    }

    @Operation(summary = "Yêu cầu chỉnh sửa hồ sơ của người dân trong phạm vi (việc cần làm của cán bộ xã)")
    @GetMapping("/api/v1/privacy/corrections")
    List<Correction> queue(@RequestParam(defaultValue = "true") boolean open) {
        return corrections.queue(open);
    }

    @Operation(summary = "Trả lời yêu cầu chỉnh sửa: đã sửa (DONE) hoặc từ chối có lý do (REFUSED)")
    @PostMapping("/api/v1/privacy/corrections/{id}/answer")
    Correction answer(@PathVariable long id, @RequestBody CorrectionAnswer answer) {
        return corrections.answer(id, answer);
    }

    @Operation(summary = "Sổ sự cố lộ lọt dữ liệu cá nhân trong phạm vi, kèm hạn thông báo 72 giờ và việc quá hạn")
    @GetMapping("/api/v1/privacy/breaches")
    List<Breach> breaches() {
        return breaches.list();
    }

    @Operation(summary = "Ghi một sự cố nghi lộ lọt dữ liệu cá nhân (việc gì, phát hiện lúc nào, dữ liệu của ai, xử lý, thông báo)")
    @PostMapping("/api/v1/privacy/breaches")
    Breach recordBreach(@RequestBody BreachForm form) {
        return breaches.record(form);
    }

    @Operation(summary = "Bổ sung việc đã xử lý và thời điểm đã thông báo cho một sự cố")
    @PutMapping("/api/v1/privacy/breaches/{id}")
    Breach updateBreach(@PathVariable long id, @RequestBody BreachForm form) {
        return breaches.update(id, form);
    }

    @Operation(summary = "Thời hạn lưu trữ theo loại dữ liệu")
    @GetMapping("/api/v1/privacy/retention/rules")
    List<RetentionRule> rules() {
        return retention.rules();
    }

    record RuleChange(Integer days) {
    }

    @Operation(summary = "Đổi thời hạn lưu trữ của một loại dữ liệu (không ngắn hơn mức tối thiểu luật định)")
    @PutMapping("/api/v1/privacy/retention/rules/{kind}")
    RetentionRule setRule(@PathVariable String kind, @RequestBody RuleChange change) {
        return retention.setRule(kind, change == null ? null : change.days());
    }

    @Operation(summary = "Các lần áp dụng thời hạn lưu trữ và kết quả")
    @GetMapping("/api/v1/privacy/retention/runs")
    List<RetentionRun> runs() {
        return retention.runs();
    }

    @Operation(summary = "Áp dụng thời hạn lưu trữ ngay (như việc chạy hằng đêm)")
    @PostMapping("/api/v1/privacy/retention/runs")
    RetentionRun run() {
        return retention.runNow();
    }
}
