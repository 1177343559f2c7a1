package vn.binhdan.community.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
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
import vn.binhdan.community.classes.Attendee;
import vn.binhdan.community.classes.CheckIn;
import vn.binhdan.community.classes.CheckInCode;
import vn.binhdan.community.classes.ClassForm;
import vn.binhdan.community.classes.ClassSession;
import vn.binhdan.community.classes.Classes;
import vn.binhdan.community.classes.CommunityClass;
import vn.binhdan.community.classes.EnrolSummary;
import vn.binhdan.community.classes.SessionForm;

/** Classes, sessions and attendance for apps; the pages use the same service. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Lớp học Bình dân học vụ số")
class ClassApi {

    record AttendanceRequest(Long personId, String personToken) {
    }

    record EnrolRequest(Boolean override) {
    }

    record CheckInRequest(String token) {
    }

    /** A session's code with the address it opens and the QR code of that address. */
    record CodeView(long sessionId, LocalDate validOn, String token, String url, String svg) {
    }

    record PersonCode(String token, String svg) {
    }

    private final Classes classes;

    ClassApi(Classes classes) {
        this.classes = classes;
    }

    @Operation(summary = "Các lớp học trong phạm vi quản lý (cán bộ xã, tổ công nghệ số, quản trị viên tỉnh)")
    @GetMapping("/classes")
    List<CommunityClass> list(@RequestParam(required = false) Long unitId) {
        return classes.list(unitId);
    }

    @Operation(summary = "Mở lớp học tại xã hoặc thôn, với một hay nhiều buổi học; khóa học trực tuyến mặc định là khóa cho người dân")
    @PostMapping("/classes")
    @ResponseStatus(HttpStatus.CREATED)
    CommunityClass create(@RequestBody ClassForm form) {
        return classes.create(form);
    }

    @Operation(summary = "Một lớp học với các buổi học và số người điểm danh")
    @GetMapping("/classes/{id}")
    CommunityClass get(@PathVariable long id) {
        return classes.get(id);
    }

    @Operation(summary = "Hủy lớp học: lớp và các lượt điểm danh không còn được tính")
    @DeleteMapping("/classes/{id}")
    CommunityClass cancel(@PathVariable long id) {
        return classes.cancel(id);
    }

    @Operation(summary = "Thêm một buổi học")
    @PostMapping("/classes/{id}/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    ClassSession addSession(@PathVariable long id, @RequestBody SessionForm form) {
        return classes.addSession(id, form);
    }

    @Operation(summary = "Ghi nhận buổi học đã diễn ra (không nhận buổi học chưa tới ngày); lớp được tính một lần, ở buổi đầu tiên")
    @PostMapping("/classes/{id}/sessions/{sessionId}/held")
    ClassSession held(@PathVariable long id, @PathVariable long sessionId) {
        return classes.markHeld(id, sessionId);
    }

    @Operation(summary = "Mã QR điểm danh của buổi học, chỉ dùng được trong ngày của buổi học")
    @GetMapping("/classes/{id}/sessions/{sessionId}/checkin-code")
    CodeView code(@PathVariable long id, @PathVariable long sessionId) {
        CheckInCode code = classes.code(id, sessionId);
        String url = Qr.checkinUrl(code.token());
        return new CodeView(code.sessionId(), code.validOn(), code.token(), url, Qr.svg(url, "QR"));
    }

    @Operation(summary = "Những người đã điểm danh ở buổi học")
    @GetMapping("/classes/{id}/sessions/{sessionId}/attendance")
    List<Attendee> attendance(@PathVariable long id, @PathVariable long sessionId) {
        return classes.attendees(id, sessionId);
    }

    @Operation(summary = "Điểm danh một người: quét mã cá nhân (personToken) hoặc chọn trong danh sách (personId); lần hai không tính thêm")
    @PostMapping("/classes/{id}/sessions/{sessionId}/attendance")
    CheckIn record(@PathVariable long id, @PathVariable long sessionId, @RequestBody AttendanceRequest request) {
        return classes.record(id, sessionId, request == null ? null : request.personId(),
                request == null ? null : request.personToken());
    }

    @Operation(summary = "Bỏ một lượt điểm danh ghi nhầm")
    @DeleteMapping("/classes/{id}/sessions/{sessionId}/attendance/{personId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable long id, @PathVariable long sessionId, @PathVariable long personId) {
        classes.removeAttendance(id, sessionId, personId);
    }

    @Operation(summary = "Ghi danh mọi người đã dự lớp vào khóa học trực tuyến của lớp; người đã ghi danh được tính là \"đã có\"")
    @PostMapping("/classes/{id}/enrolments")
    EnrolSummary enrol(@PathVariable long id, @RequestBody(required = false) EnrolRequest request) {
        return classes.enrolAttendees(id, request != null && Boolean.TRUE.equals(request.override()));
    }

    @Operation(summary = "Người học tự điểm danh bằng mã QR của buổi học (trong ngày của buổi học)")
    @PostMapping("/classes/checkin")
    CheckIn checkIn(@RequestBody CheckInRequest request) {
        return classes.checkIn(request == null ? null : request.token());
    }

    @Operation(summary = "Mã điểm danh cá nhân của người học, để giáo viên quét")
    @GetMapping("/me/checkin-code")
    PersonCode myCode() {
        String token = classes.myCode();
        return new PersonCode(token, Qr.svg(token, "QR"));
    }
}
