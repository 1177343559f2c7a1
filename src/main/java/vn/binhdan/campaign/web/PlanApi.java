package vn.binhdan.campaign.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.binhdan.campaign.Plan;
import vn.binhdan.campaign.PlanDetail;
import vn.binhdan.campaign.PlanDraft;
import vn.binhdan.campaign.PlanImportResult;
import vn.binhdan.campaign.PlanSummary;
import vn.binhdan.campaign.PlanTask;
import vn.binhdan.campaign.PlanTaskDetail;
import vn.binhdan.campaign.PlanTaskDraft;
import vn.binhdan.campaign.PlanTaskEvidence;
import vn.binhdan.campaign.PlanTaskNote;
import vn.binhdan.campaign.PlanTaskStatus;
import vn.binhdan.campaign.PlanTaskUnit;
import vn.binhdan.campaign.PlanUnmatchedName;
import vn.binhdan.campaign.Plans;

/** Plans and their tasks for apps and the province's integration platform; the pages use the same service. */
@RestController
@RequestMapping("/api/v1/plans")
@Tag(name = "Kế hoạch và nhiệm vụ")
class PlanApi {

    record ProgressRequest(PlanTaskStatus status, String note) {
    }

    record LinkRequest(Long unitId) {
    }

    private final Plans plans;

    PlanApi(Plans plans) {
        this.plans = plans;
    }

    @Operation(summary = "Các kế hoạch người dùng được xem, với số nhiệm vụ, đã xong và quá hạn trong phần được xem")
    @GetMapping
    List<PlanSummary> list() {
        return plans.list();
    }

    @Operation(summary = "Tạo kế hoạch cho một đơn vị trong phạm vi (quản trị viên tỉnh, cán bộ xã)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Plan create(@RequestBody PlanDraft draft) {
        return plans.create(draft);
    }

    @Operation(summary = "Kế hoạch với các nhiệm vụ được xem, theo mục; cờ overdue cho nhiệm vụ quá hạn")
    @GetMapping("/{id}")
    PlanDetail get(@PathVariable long id) {
        return plans.get(id);
    }

    @Operation(summary = "Sửa số, tên, đơn vị ban hành, ngày và giai đoạn của kế hoạch")
    @PutMapping("/{id}")
    Plan update(@PathVariable long id, @RequestBody PlanDraft draft) {
        return plans.update(id, draft);
    }

    @Operation(summary = "Nhập bảng nhiệm vụ (XLSX hoặc CSV) vào kế hoạch chưa có nhiệm vụ: preview=true chỉ đọc thử; "
            + "có dòng lỗi thì không nhập gì")
    @PostMapping(value = "/{id}/tasks/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    PlanImportResult importTasks(@PathVariable long id, @RequestParam("file") MultipartFile file,
                                 @RequestParam(defaultValue = "false") boolean preview) throws IOException {
        return plans.importTasks(id, file.getOriginalFilename(), Uploads.bytes(file, Plans.MAX_TABLE_BYTES,
                "plan.import.tooLarge"), preview);
    }

    @Operation(summary = "Thêm một nhiệm vụ; đơn vị chủ trì, phối hợp ghi như trong văn bản, cách nhau bởi dấu chấm phẩy")
    @PostMapping("/{id}/tasks")
    @ResponseStatus(HttpStatus.CREATED)
    PlanTask addTask(@PathVariable long id, @RequestBody PlanTaskDraft draft) {
        return plans.addTask(id, draft);
    }

    @Operation(summary = "Tên đơn vị trong kế hoạch chưa khớp với đơn vị nào")
    @GetMapping("/{id}/unmatched")
    List<PlanUnmatchedName> unmatched(@PathVariable long id) {
        return plans.unmatched(id);
    }

    @Operation(summary = "Gắn một tên đơn vị chưa khớp với một đơn vị thuộc đơn vị ban hành")
    @PutMapping("/{id}/links/{linkId}")
    PlanTaskUnit link(@PathVariable long id, @PathVariable long linkId, @RequestBody LinkRequest request) {
        if (request == null || request.unitId() == null) {
            throw new vn.binhdan.shared.BusinessException("plan.linkOutsideIssuer");
        }
        return plans.linkUnit(id, linkId, request.unitId());
    }

    @Operation(summary = "Một nhiệm vụ với ghi chú tiến độ và minh chứng")
    @GetMapping("/{id}/tasks/{taskId}")
    PlanTaskDetail task(@PathVariable long id, @PathVariable long taskId) {
        return plans.task(id, taskId);
    }

    @Operation(summary = "Sửa nội dung, đơn vị, thời hạn và mã chỉ số của nhiệm vụ")
    @PutMapping("/{id}/tasks/{taskId}")
    PlanTask updateTask(@PathVariable long id, @PathVariable long taskId, @RequestBody PlanTaskDraft draft) {
        return plans.updateTask(id, taskId, draft);
    }

    @Operation(summary = "Ghi tiến độ: ghi chú (không sửa, không xóa) và/hoặc trạng thái mới")
    @PostMapping("/{id}/tasks/{taskId}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    PlanTaskNote progress(@PathVariable long id, @PathVariable long taskId, @RequestBody ProgressRequest request) {
        return plans.progress(id, taskId, request == null ? null : request.status(), request == null ? null : request.note());
    }

    @Operation(summary = "Tải lên minh chứng: PDF, ảnh (PNG, JPEG, WebP), DOCX, XLSX; tối đa 5 MB")
    @PostMapping(value = "/{id}/tasks/{taskId}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    PlanTaskEvidence evidence(@PathVariable long id, @PathVariable long taskId, @RequestParam("file") MultipartFile file)
            throws IOException {
        return plans.addEvidence(id, taskId, file.getOriginalFilename(),
                Uploads.bytes(file, Plans.MAX_EVIDENCE_BYTES, "plan.evidence.tooLarge"));
    }

    @Operation(summary = "Tải về một minh chứng")
    @GetMapping("/{id}/tasks/{taskId}/evidence/{evidenceId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long taskId, @PathVariable long evidenceId) {
        return Uploads.download(plans.evidence(id, taskId, evidenceId));
    }
}
