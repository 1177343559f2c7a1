package vn.binhdan.certification.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.certification.CertificationDeclared;
import vn.binhdan.certification.Certificates;
import vn.binhdan.importing.ImportField;
import vn.binhdan.importing.ImportOutcome;
import vn.binhdan.importing.ImportRun;
import vn.binhdan.importing.Importer;
import vn.binhdan.people.NationalIds;
import vn.binhdan.people.PersonDirectory;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.VietnameseText;
import vn.binhdan.shared.tabular.Cell;
import vn.binhdan.shared.tabular.RowHandler;

/**
 * Confirmations made elsewhere (the national MOOC, a ministry's own test), declared by officers
 * from a list: one row per person, matched by ID number. A person already certified here or
 * already declared for the group is refused by row, so the indicators count each person once.
 * The list is applied whole or not at all.
 */
@Component
class DeclaredImporter implements Importer {

    private final JdbcClient jdbc;
    private final PersonDirectory persons;
    private final NationalIds ids;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeclaredImporter(JdbcClient jdbc, PersonDirectory persons, NationalIds ids, TransactionTemplate tx, AuditLog audit,
                     ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.ids = ids;
        this.tx = tx;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "DECLARED";
    }

    @Override
    public List<ImportField> fields() {
        return List.of(
                ImportField.required("id_number", "so cccd", "cccd", "so can cuoc", "so dinh danh", "so dinh danh ca nhan")
                        .idNumbers(),
                ImportField.required("target_group", "nhom doi tuong", "doi tuong", "target group"),
                ImportField.required("confirmed_on", "ngay xac nhan", "ngay hoan thanh", "ngay cap", "confirmed on"),
                ImportField.optional("source", "nguon", "noi xac nhan", "source"));
    }

    @Override
    public void checkAllowed(AppUser user) {
        if (!user.has(vn.binhdan.shared.Role.SYSTEM_ADMIN) && Certificates.READERS.stream().noneMatch(user::has)) {
            throw new ForbiddenException("declared.forbidden");
        }
    }

    private record Declared(long personId, TargetGroup group, String unitPath, String countedPath, LocalDate on,
                            String source) {
    }

    @Override
    public ImportOutcome run(ImportRun run) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Declared> rows = new LinkedHashMap<>();
        Map<String, Long> firstRow = new LinkedHashMap<>();
        NationalIds.Hasher hasher = ids.hasher();
        run.read(new RowHandler() {
            @Override
            public void row(long rowNo, List<Cell> cells) {
                run.rowRead();
                String id = run.cell(cells, "id_number").idNumber();
                String problem = NationalIds.problem(id);
                if (problem != null) {
                    run.error(rowNo, problem, id);
                    return;
                }
                PersonDirectory.PersonRef person = persons.findByIdHash(hasher.hash(id)).orElse(null);
                if (person == null) {
                    run.error(rowNo, "declared.noPerson", "***" + id.substring(9));
                    return;
                }
                if (!run.user().canActOn(person.residenceUnitPath(), Certificates.READERS)) {
                    run.error(rowNo, "declared.outOfScope", "***" + id.substring(9));
                    return;
                }
                TargetGroup group = group(run.cell(cells, "target_group").text());
                if (group == null) {
                    run.error(rowNo, "declared.badGroup", run.cell(cells, "target_group").text());
                    return;
                }
                if (!persons.groupsOf(person.id()).contains(group)) {
                    run.error(rowNo, "declared.notInGroup", person.fullName());
                    return;
                }
                LocalDate on = run.cell(cells, "confirmed_on").date().orElse(null);
                if (on == null || on.isAfter(today) || on.getYear() < 2020) {
                    run.error(rowNo, "declared.badDate", run.cell(cells, "confirmed_on").text());
                    return;
                }
                if (already(person.id(), group)) {
                    run.error(rowNo, "declared.already", person.fullName());
                    return;
                }
                String key = person.id() + "/" + group;
                Long earlier = firstRow.putIfAbsent(key, rowNo);
                if (earlier != null) {
                    run.error(rowNo, "declared.duplicateInFile", earlier);
                    return;
                }
                String source = VietnameseText.clean(run.cell(cells, "source").text());
                rows.put(key, new Declared(person.id(), group, person.residenceUnitPath(),
                        persons.countingPath(person.id(), group), on,
                        source == null || source.isBlank() ? "Khai báo từ danh sách" : source.substring(0, Math.min(200, source.length()))));
            }
        });
        if (run.errorCount() > 0) {
            return ImportOutcome.rejected(run.errorCount());
        }
        tx.executeWithoutResult(s -> {
            Timestamp now = Timestamp.from(clock.instant());
            for (Declared d : rows.values()) {
                jdbc.sql("""
                        INSERT INTO declared_certification (person_id, target_group, unit_path, counted_path,
                                                            confirmed_on, source, declared_by, declared_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(d.personId(), d.group().name(), d.unitPath(), d.countedPath(), Date.valueOf(d.on()),
                                d.source(), run.user().username(), now)
                        .update();
                events.publishEvent(new CertificationDeclared("certification-declared:" + d.personId() + ":" + d.group(),
                        d.personId(), d.group(), d.unitPath(), d.countedPath(), d.on(), d.source()));
            }
            audit.record("IMPORT", "declared_certification", run.jobId(), "/", "created=" + rows.size());
        });
        return new ImportOutcome(rows.size(), rows.size(), 0, 0);
    }

    private boolean already(long personId, TargetGroup group) {
        return jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM certificate WHERE person_id = ? AND target_group = ? AND revoked_at IS NULL)
                     + (SELECT COUNT(*) FROM declared_certification WHERE person_id = ? AND target_group = ?)""")
                .params(personId, group.name(), personId, group.name()).query(Long.class).single() > 0;
    }

    static TargetGroup group(String text) {
        String f = VietnameseText.fold(text == null ? "" : text).replace('_', ' ').trim();
        return switch (f) {
            case "adult", "nguoi dan", "nguoi truong thanh" -> TargetGroup.ADULT;
            case "civil servant", "can bo", "can bo cong chuc", "can bo cong chuc vien chuc", "cong chuc" ->
                    TargetGroup.CIVIL_SERVANT;
            case "student", "hoc sinh", "sinh vien", "hoc sinh sinh vien" -> TargetGroup.STUDENT;
            case "worker", "nguoi lao dong", "cong nhan" -> TargetGroup.WORKER;
            default -> null;
        };
    }

}
