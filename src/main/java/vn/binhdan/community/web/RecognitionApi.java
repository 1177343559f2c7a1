package vn.binhdan.community.web;

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
import vn.binhdan.community.Criterion;
import vn.binhdan.community.Nomination;
import vn.binhdan.community.NominationDraft;
import vn.binhdan.community.Recognised;
import vn.binhdan.community.Recognition;

@RestController
@RequestMapping("/api/v1/recognition")
@Tag(name = "Công dân số, thôn số tiêu biểu")
class RecognitionApi {

    record LinkRequest(String url) {
    }

    record CommentRequest(String comment) {
    }

    private final Recognition recognition;

    RecognitionApi(Recognition recognition) {
        this.recognition = recognition;
    }

    @Operation(summary = "Các tiêu chí xét công dân số và thôn, buôn, khu phố số tiêu biểu")
    @GetMapping("/criteria")
    List<Criterion> criteria() {
        return recognition.criteria();
    }

    @Operation(summary = "Danh sách công khai những người và thôn đã được tỉnh công nhận: chỉ tên và đơn vị")
    @GetMapping("/public")
    List<Recognised> published() {
        return recognition.published();
    }

    @Operation(summary = "Các đề cử trong phạm vi")
    @GetMapping("/nominations")
    List<Nomination> list() {
        return recognition.list();
    }

    @Operation(summary = "Tạo đề cử (bản nháp): một người (CITIZEN, personId) hoặc một thôn (VILLAGE, unitId), "
            + "kèm mô tả minh chứng, đường dẫn và tiêu chí đạt")
    @PostMapping("/nominations")
    @ResponseStatus(HttpStatus.CREATED)
    Nomination create(@RequestBody NominationDraft draft) {
        return recognition.create(draft);
    }

    @Operation(summary = "Một đề cử với minh chứng, lịch sử và các thao tác người dùng được làm")
    @GetMapping("/nominations/{id}")
    Nomination get(@PathVariable long id) {
        return recognition.get(id);
    }

    @Operation(summary = "Sửa đề cử nháp hoặc bị trả lại: mô tả, tiêu chí; đường dẫn mới được thêm vào minh chứng")
    @PutMapping("/nominations/{id}")
    Nomination update(@PathVariable long id, @RequestBody NominationDraft draft) {
        return recognition.update(id, draft);
    }

    @Operation(summary = "Thêm một đường dẫn minh chứng (http, https)")
    @PostMapping("/nominations/{id}/links")
    @ResponseStatus(HttpStatus.CREATED)
    Nomination.Evidence link(@PathVariable long id, @RequestBody LinkRequest r) {
        return recognition.addLink(id, r == null ? null : r.url());
    }

    @Operation(summary = "Tải lên tệp minh chứng: PDF hoặc ảnh (PNG, JPEG, WebP); tối đa 5 MB")
    @PostMapping(value = "/nominations/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Nomination.Evidence file(@PathVariable long id, @RequestParam("file") MultipartFile file) throws IOException {
        return recognition.addFile(id, file.getOriginalFilename(), Downloads.bytes(file));
    }

    @Operation(summary = "Tải về một tệp minh chứng")
    @GetMapping("/nominations/{id}/evidence/{evidenceId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long evidenceId) {
        return Downloads.download(recognition.file(id, evidenceId));
    }

    @Operation(summary = "Gửi đề cử lên xã; cần mô tả và ít nhất một tệp hoặc đường dẫn minh chứng")
    @PostMapping("/nominations/{id}/submit")
    Nomination submit(@PathVariable long id) {
        return recognition.submit(id);
    }

    @Operation(summary = "Duyệt ở cấp đang chờ: xã duyệt rồi tỉnh duyệt và công nhận; không ai duyệt đề cử mình gửi")
    @PostMapping("/nominations/{id}/approve")
    Nomination approve(@PathVariable long id) {
        return recognition.approve(id);
    }

    @Operation(summary = "Trả lại đề cử kèm nhận xét, ở cấp xã hoặc cấp tỉnh")
    @PostMapping("/nominations/{id}/return")
    Nomination returnTo(@PathVariable long id, @RequestBody CommentRequest r) {
        return recognition.returnTo(id, r == null ? null : r.comment());
    }

    @Operation(summary = "Thu hồi công nhận đã công bố (quản trị viên tỉnh), kèm lý do")
    @PostMapping("/nominations/{id}/withdraw")
    Nomination withdraw(@PathVariable long id, @RequestBody CommentRequest r) {
        return recognition.withdraw(id, r == null ? null : r.comment());
    }
}
