package vn.binhdan.community.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import java.util.List;
import org.springframework.http.HttpStatus;
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
import vn.binhdan.community.Team;
import vn.binhdan.community.TeamForm;
import vn.binhdan.community.TeamMember;
import vn.binhdan.community.TeamPage;
import vn.binhdan.community.Teams;

@RestController
@RequestMapping("/api/v1/teams")
@Tag(name = "Tổ công nghệ số cộng đồng")
class TeamApi {

    private final Teams teams;

    TeamApi(Teams teams) {
        this.teams = teams;
    }

    @Operation(summary = "Các tổ trong địa bàn của người dùng, hoặc dưới một đơn vị")
    @GetMapping
    List<Team> list(@RequestParam(required = false) Long unitId) {
        return teams.list(unitId);
    }

    @Operation(summary = "Lập tổ cho một thôn, xã hoặc tổ chuyên đề (cán bộ xã, quản trị viên tỉnh)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Team create(@RequestBody TeamForm form) {
        return teams.create(form);
    }

    @Operation(summary = "Tổ với thành viên và hoạt động trong tháng (yyyy-MM, mặc định tháng này)")
    @GetMapping("/{id}")
    TeamPage get(@PathVariable long id, @RequestParam(required = false) YearMonth month) {
        return teams.page(id, month);
    }

    @Operation(summary = "Sửa tên, loại và liên hệ của tổ")
    @PutMapping("/{id}")
    Team update(@PathVariable long id, @RequestBody TeamForm form) {
        return teams.update(id, form);
    }

    @Operation(summary = "Thêm thành viên (hoặc đổi tổ trưởng, số điện thoại liên hệ)")
    @PostMapping("/{id}/members")
    List<TeamMember> addMember(@PathVariable long id, @RequestBody TeamMember.Form form) {
        return teams.addMember(id, form);
    }

    @Operation(summary = "Bỏ một thành viên khỏi tổ")
    @DeleteMapping("/{id}/members/{personId}")
    List<TeamMember> removeMember(@PathVariable long id, @PathVariable long personId) {
        return teams.removeMember(id, personId);
    }
}
