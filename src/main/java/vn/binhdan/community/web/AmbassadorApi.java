package vn.binhdan.community.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.binhdan.community.AmbassadorLink;
import vn.binhdan.community.Ambassadors;
import vn.binhdan.community.Cascade;
import vn.binhdan.community.CascadeSummary;
import vn.binhdan.community.Eligibility;

@RestController
@RequestMapping("/api/v1/ambassadors")
@Tag(name = "Đại sứ số")
class AmbassadorApi {

    record LinkRequest(Long guideId, Long learnerId, LocalDate linkedOn) {
    }

    record CompletionRequest(Long personId, LocalDate completedOn) {
    }

    private final Ambassadors ambassadors;

    AmbassadorApi(Ambassadors ambassadors) {
        this.ambassadors = ambassadors;
    }

    @Operation(summary = "Các chuỗi đại sứ số có người hướng dẫn đầu tiên trong phạm vi: số thế hệ, số người đã tiếp cận")
    @GetMapping("/cascades")
    List<CascadeSummary> cascades() {
        return ambassadors.list();
    }

    @Operation(summary = "Cây chuỗi đại sứ số chứa người này: tỷ lệ hoàn thành theo thế hệ, người hướng dẫn bị chững lại")
    @GetMapping("/cascades/{personId}")
    Cascade cascade(@PathVariable long personId) {
        return ambassadors.cascade(personId);
    }

    @Operation(summary = "Ghi nhận một người hướng dẫn một người học (tối đa 5 người học; mỗi người một người hướng dẫn)")
    @PostMapping("/links")
    @ResponseStatus(HttpStatus.CREATED)
    AmbassadorLink link(@RequestBody LinkRequest r) {
        return ambassadors.link(r == null ? null : r.guideId(), r == null ? null : r.learnerId(),
                r == null ? null : r.linkedOn());
    }

    @Operation(summary = "Ghi nhận một người đã hoàn thành khóa cơ bản ngoài nền tảng (lớp học trực tiếp), kèm ngày")
    @PostMapping("/completions")
    Eligibility completion(@RequestBody CompletionRequest r) {
        return ambassadors.recordCompletion(r == null ? null : r.personId(), r == null ? null : r.completedOn());
    }
}
