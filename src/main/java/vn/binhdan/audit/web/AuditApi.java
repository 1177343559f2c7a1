package vn.binhdan.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.binhdan.audit.AuditEntry;
import vn.binhdan.audit.AuditLog;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Nhật ký truy cập")
class AuditApi {

    private final AuditLog audit;

    AuditApi(AuditLog audit) {
        this.audit = audit;
    }

    @Operation(summary = "Ai đã đọc hay thay đổi gì, khi nào, từ đâu (quản trị viên, trong phạm vi của mình); lọc theo "
            + "người thực hiện, hành động (READ, LIST, REFUSED, UPDATE…) và người dân là đối tượng (person: mã hồ sơ)")
    @GetMapping
    List<AuditEntry> search(@RequestParam(required = false) String actor,
                            @RequestParam(required = false) String action,
                            @RequestParam(required = false) Long person,
                            @RequestParam(required = false) String subjectType,
                            @RequestParam(required = false) String subjectId,
                            @RequestParam(defaultValue = "100") int limit) {
        return audit.search(actor, action, person, subjectType, subjectId, limit);
    }
}
