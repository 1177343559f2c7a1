package vn.binhdan.people.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.binhdan.people.Denominator;
import vn.binhdan.people.GroupCounts;
import vn.binhdan.people.Person;
import vn.binhdan.people.PersonForm;
import vn.binhdan.people.PersonService;
import vn.binhdan.people.PersonSummary;
import vn.binhdan.people.TargetGroup;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Người dân")
class PersonApi {

    record DeclareRequest(TargetGroup group, int year, Long value, String source) {
    }

    private final PersonService persons;

    PersonApi(PersonService persons) {
        this.persons = persons;
    }

    @Operation(summary = "Tìm người theo tên, không cần dấu (\"nguyen van an\" tìm được \"Nguyễn Văn An\")")
    @GetMapping("/persons")
    List<PersonSummary> search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Long unitId,
                               @RequestParam(defaultValue = "50") int limit) {
        return persons.search(q, unitId, limit);
    }

    @Operation(summary = "Hồ sơ một người (mọi lần đọc của người khác đều được ghi nhật ký)")
    @GetMapping("/persons/{id}")
    Person get(@PathVariable long id) {
        return persons.get(id);
    }

    @PostMapping("/persons")
    @ResponseStatus(HttpStatus.CREATED)
    Person create(@RequestBody PersonForm form) {
        return persons.create(form);
    }

    @PutMapping("/persons/{id}")
    Person update(@PathVariable long id, @RequestBody PersonForm form) {
        return persons.update(id, form);
    }

    @Operation(summary = "Số người theo nhóm đối tượng của đơn vị và từng đơn vị con")
    @GetMapping("/units/{id}/counts")
    Map<Long, GroupCounts> counts(@PathVariable long id) {
        return persons.countsByChild(id);
    }

    @Operation(summary = "Mẫu số dân số theo nhóm đối tượng và năm (số khai báo ưu tiên hơn số đếm)")
    @GetMapping("/units/{id}/denominators")
    List<Denominator> denominators(@PathVariable long id, @RequestParam int year) {
        return persons.denominators(id, year);
    }

    @PutMapping("/units/{id}/denominators")
    List<Denominator> declare(@PathVariable long id, @RequestBody DeclareRequest r) {
        return persons.declare(id, r.group(), r.year(), r.value(), r.source());
    }
}
