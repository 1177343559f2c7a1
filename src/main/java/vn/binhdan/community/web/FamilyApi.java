package vn.binhdan.community.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.binhdan.community.DigitalFamily;
import vn.binhdan.community.Families;
import vn.binhdan.community.FamilyList;

@RestController
@RequestMapping("/api/v1/families")
@Tag(name = "Gia đình số")
class FamilyApi {

    record DeclareRequest(Long personId, LocalDate declaredOn) {
    }

    private final Families families;

    FamilyApi(Families families) {
        this.families = families;
    }

    @Operation(summary = "Gia đình số của một đơn vị với số lượng, và các hộ có thành viên đã được chứng nhận chưa ghi nhận")
    @GetMapping
    FamilyList list(@RequestParam(required = false) Long unitId) {
        return families.list(unitId);
    }

    @Operation(summary = "Ghi nhận hộ của người này là Gia đình số: người đã được chứng nhận và hướng dẫn các thành viên khác")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    DigitalFamily declare(@RequestBody DeclareRequest r) {
        return families.declare(r == null ? null : r.personId(), r == null ? null : r.declaredOn());
    }
}
