package vn.binhdan.unit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.UnitHistoryEntry;
import vn.binhdan.unit.UnitService;

@RestController
@RequestMapping("/api/v1/units")
@Tag(name = "Đơn vị")
class UnitApi {

    record RenameRequest(String name, LocalDate effective) {
    }

    record MergeRequest(List<Long> sourceIds, LocalDate effective) {
    }

    private final UnitService units;

    UnitApi(UnitService units) {
        this.units = units;
    }

    @Operation(summary = "Các đơn vị gốc trong phạm vi của người dùng")
    @GetMapping
    List<Unit> roots(@RequestParam(required = false) String code) {
        return code == null ? units.scopeRoots() : List.of(units.getByCode(code));
    }

    @GetMapping("/{id}")
    Unit get(@PathVariable long id) {
        return units.get(id);
    }

    @GetMapping("/{id}/children")
    List<Unit> children(@PathVariable long id, @RequestParam(defaultValue = "false") boolean includeEnded) {
        return units.children(id, includeEnded);
    }

    @Operation(summary = "Toàn bộ cây con (một truy vấn)")
    @GetMapping("/{id}/subtree")
    List<Unit> subtree(@PathVariable long id) {
        return units.subtree(id);
    }

    @GetMapping("/{id}/history")
    List<UnitHistoryEntry> history(@PathVariable long id) {
        return units.history(id);
    }

    @Operation(summary = "Đổi tên đơn vị, lưu lịch sử")
    @PostMapping("/{id}/rename")
    Unit rename(@PathVariable long id, @RequestBody RenameRequest request) {
        return units.rename(id, request.name(), request.effective());
    }

    @Operation(summary = "Sáp nhập các đơn vị vào đơn vị này, lưu lịch sử")
    @PostMapping("/{id}/merge")
    Unit merge(@PathVariable long id, @RequestBody MergeRequest request) {
        return units.merge(request.sourceIds(), id, request.effective());
    }
}
