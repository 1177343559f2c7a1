package vn.binhdan.community.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.binhdan.community.Guidance;
import vn.binhdan.community.GuidanceEntry;
import vn.binhdan.community.GuidanceReceipt;
import vn.binhdan.community.GuidanceSession;
import vn.binhdan.community.GuidanceTopic;
import vn.binhdan.community.GuidanceActivity;
import vn.binhdan.shared.TextLimits;

/** The guidance log for phone apps; the phone page syncs through {@code /guidance/sync} with the same service. */
@RestController
@RequestMapping("/api/v1/guidance")
@Tag(name = "Hướng dẫn trực tiếp (tổ công nghệ số cộng đồng)")
class GuidanceApi {

    /** A phone's queue of entries written offline; an entry with a text too long is rejected alone. */
    @TextLimits.CheckedPerItem
    record SyncRequest(List<GuidanceEntry> entries) {
    }

    record SyncResponse(int recorded, int alreadyRecorded, int rejected, List<GuidanceReceipt> results) {

        static SyncResponse of(List<GuidanceReceipt> results) {
            int[] n = new int[3];
            results.forEach(r -> n[r.status().ordinal()]++);
            return new SyncResponse(n[0], n[1], n[2], results);
        }
    }

    private final Guidance guidance;

    GuidanceApi(Guidance guidance) {
        this.guidance = guidance;
    }

    @Operation(summary = "Ghi nhận một lần hướng dẫn (hoặc một buổi nhiều người). Gửi lại cùng clientId không ghi thêm: "
            + "201 khi mới ghi, 200 khi đã có")
    @PostMapping
    ResponseEntity<GuidanceReceipt> record(@RequestBody GuidanceEntry entry) {
        GuidanceReceipt r = guidance.record(entry);
        return ResponseEntity.status(r.status() == GuidanceReceipt.Status.RECORDED ? HttpStatus.CREATED : HttpStatus.OK)
                .body(r);
    }

    @Operation(summary = "Đồng bộ các bản ghi đã lưu trên máy khi mất sóng: mỗi bản ghi một kết quả "
            + "(RECORDED, ALREADY_RECORDED, REJECTED kèm lý do); bản ghi lỗi không chặn các bản ghi khác")
    @PostMapping("/sync")
    SyncResponse sync(@RequestBody SyncRequest request) {
        return SyncResponse.of(guidance.sync(request.entries()));
    }

    @Operation(summary = "Các lần hướng dẫn trong địa bàn (hoặc dưới một đơn vị) trong một tháng (yyyy-MM), mới nhất trước")
    @GetMapping
    List<GuidanceSession> list(@RequestParam(required = false) Long unitId, @RequestParam(required = false) YearMonth month,
                               @RequestParam(defaultValue = "false") boolean mine,
                               @RequestParam(defaultValue = "100") int limit) {
        return guidance.list(unitId, month, mine, limit);
    }

    @Operation(summary = "Tổng hợp trong tháng: số buổi, số người, số phút, số cần hướng dẫn lại, số buổi theo chủ đề")
    @GetMapping("/activity")
    GuidanceActivity activity(@RequestParam(required = false) Long unitId,
                                         @RequestParam(required = false) YearMonth month) {
        return guidance.activity(unitId, month);
    }

    @Operation(summary = "Những người được hướng dẫn chưa có trong cơ sở dữ liệu dân cư, để xã bổ sung")
    @GetMapping("/unregistered")
    List<vn.binhdan.community.UnregisteredPerson> unregistered(@RequestParam(required = false) Long unitId) {
        return guidance.unregistered(unitId);
    }

    @Operation(summary = "Rút lại một bản ghi nhầm (người ghi hoặc cán bộ xã); số đếm được trừ lại")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdraw(@PathVariable long id) {
        guidance.withdraw(id);
    }

    @Operation(summary = "Danh mục chủ đề hướng dẫn")
    @GetMapping("/topics")
    List<GuidanceTopic> topics() {
        return guidance.topics();
    }

    @Operation(summary = "Thêm hoặc sửa một chủ đề (quản trị viên tỉnh); active=false để ngừng dùng")
    @PutMapping("/topics/{code}")
    GuidanceTopic saveTopic(@PathVariable String code, @RequestBody GuidanceTopic topic) {
        return guidance.saveTopic(new GuidanceTopic(code, topic.nameVi(), topic.nameEn(), topic.sortOrder(), topic.active()));
    }
}
