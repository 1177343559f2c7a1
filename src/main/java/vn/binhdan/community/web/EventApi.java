package vn.binhdan.community.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.binhdan.community.events.EventForm;
import vn.binhdan.community.events.EventInfo;
import vn.binhdan.community.events.Events;

@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "Sự kiện")
class EventApi {

    record ParticipantsRequest(Integer participants) {
    }

    private final Events events;

    EventApi(Events events) {
        this.events = events;
    }

    @Operation(summary = "Sự kiện do đơn vị trong phạm vi hoặc cấp trên tổ chức")
    @GetMapping
    List<EventInfo> list() {
        return events.list();
    }

    @Operation(summary = "Tạo sự kiện: lễ phát động, Ngày hội học tập, hội nghị, khác")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    EventInfo create(@RequestBody EventForm form) {
        return events.create(form);
    }

    @Operation(summary = "Một sự kiện với số người tham gia của các đơn vị")
    @GetMapping("/{id}")
    EventInfo get(@PathVariable long id) {
        return events.get(id);
    }

    @Operation(summary = "Báo cáo hoặc sửa số người của một đơn vị tham gia sự kiện (từ ngày diễn ra)")
    @PutMapping("/{id}/participants/{unitId}")
    EventInfo participants(@PathVariable long id, @PathVariable long unitId, @RequestBody ParticipantsRequest request) {
        return events.report(id, unitId, request == null ? null : request.participants());
    }

    @Operation(summary = "Hủy sự kiện: số người tham gia không còn được tính")
    @DeleteMapping("/{id}")
    EventInfo cancel(@PathVariable long id) {
        return events.cancel(id);
    }
}
