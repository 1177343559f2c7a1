package vn.binhdan.privacy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhdan.audit.AuditEntry;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.identity.AccountService;
import vn.binhdan.people.Membership;
import vn.binhdan.people.Person;
import vn.binhdan.people.PersonService;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.Grant;
import vn.binhdan.shared.privacy.PersonalDataSection;
import vn.binhdan.shared.privacy.PersonalDataSource;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.Units;

/**
 * "Dữ liệu của tôi": the registry record and whatever each module declares it holds about the
 * signed-in person, and who else read or changed the record — by role and unit, never by name.
 */
@Service
@Transactional(readOnly = true)
public class MyDataService {

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final PersonService people;
    private final List<PersonalDataSource> sources;
    private final AuditLog audit;
    private final AccountService accounts;
    private final Units units;
    private final Corrections corrections;
    private final PrivacyNotices notices;
    private final MessageSource messages;
    private final Clock clock;

    public MyDataService(PersonService people, List<PersonalDataSource> sources, AuditLog audit, AccountService accounts,
                         Units units, Corrections corrections, PrivacyNotices notices, MessageSource messages, Clock clock) {
        this.people = people;
        this.sources = sources;
        this.audit = audit;
        this.accounts = accounts;
        this.units = units;
        this.corrections = corrections;
        this.notices = notices;
        this.messages = messages;
        this.clock = clock;
    }

    public MyData mine() {
        long personId = PrivacyNotices.self();
        Person me = people.get(personId);
        List<PersonalDataSection> raw = new ArrayList<>(registry(me));
        sources.forEach(s -> raw.addAll(s.about(personId)));
        raw.sort(Comparator.comparingInt(PersonalDataSection::order));
        List<MyData.Section> sections = raw.stream().map(this::label).toList();
        return new MyData(personId, me.fullName(), clock.instant(), sections, reads(personId), corrections.mine(),
                notices.states(personId));
    }

    /** Who else touched the record: the role and unit they acted in, as the person may know them. */
    public List<RecordRead> reads(long personId) {
        String me = CurrentUser.require().username();
        Map<String, String[]> actors = new HashMap<>();
        List<RecordRead> out = new ArrayList<>();
        for (AuditEntry e : audit.aboutPerson(personId, me, 500)) {
            String[] who = actors.computeIfAbsent(e.actor(), this::describe);
            out.add(new RecordRead(e.at(), text("privacy.action." + e.action(), e.action()), who[0], who[1]));
        }
        return out;
    }

    private String[] describe(String username) {
        if ("system".equals(username) || "anonymous".equals(username)) {
            return new String[]{text("privacy.actor.system", username), ""};
        }
        AppUser actor = accounts.loadByUsername(username).orElse(null);
        if (actor == null || actor.grants().isEmpty()) {
            return new String[]{text("privacy.actor.unknown", "?"), ""};
        }
        // the widest grant says best in which capacity the record was reached
        Grant g = actor.grants().stream().min(Comparator.comparingInt(x -> x.unitPath().length())).orElseThrow();
        String unit = units.find(g.unitId()).map(Unit::name).orElse("");
        return new String[]{text("privacy.role." + g.role().name(), g.role().name()), unit};
    }

    private List<PersonalDataSection> registry(Person p) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("privacy.f.fullName", p.fullName());
        row.put("privacy.f.birthDate", p.birthDate());
        row.put("privacy.f.sex", p.sex() == null ? null : text("privacy.sex." + p.sex().name(), p.sex().name()));
        row.put("privacy.f.ethnicity", p.ethnicity());
        row.put("privacy.f.disability", p.disability());
        row.put("privacy.f.phone", p.phone());
        row.put("privacy.f.idNumber", p.maskedId());
        row.put("privacy.f.residence", p.residenceUnitName());
        row.put("privacy.f.household", p.householdCode());
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Membership m : p.memberships()) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("privacy.f.group", text("group." + m.group().name(), m.group().name()));
            g.put("privacy.f.organisation", m.orgUnitName());
            g.put("privacy.f.schoolLevel", m.schoolLevel() == null ? null : m.schoolLevel().name());
            groups.add(g);
        }
        return List.of(new PersonalDataSection("registry", 0, "privacy.section.registry", List.of(row)),
                new PersonalDataSection("groups", 1, "privacy.section.groups", groups));
    }

    private MyData.Section label(PersonalDataSection s) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> r : s.rows()) {
            Map<String, Object> out = new LinkedHashMap<>();
            r.forEach((k, v) -> out.put(text(k, k), value(v)));
            rows.add(out);
        }
        return new MyData.Section(s.key(), text(s.titleKey(), s.key()), rows);
    }

    private Object value(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Boolean b) {
            return text(b ? "privacy.yes" : "privacy.no", String.valueOf(b));
        }
        if (v instanceof LocalDate d) {
            return DAY.format(d);
        }
        if (v instanceof Instant i) {
            return TIME.format(i.atZone(VN));
        }
        if (v instanceof Enum<?> e) {
            return text("privacy.value." + e.name(), e.name());
        }
        return v;
    }

    /** The same data as a workbook: one sheet per heading, then the reads of the record. */
    public byte[] xlsx(MyData data) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            java.util.Set<String> used = new java.util.HashSet<>();
            for (MyData.Section s : data.sections()) {
                Sheet sheet = book.createSheet(sheetName(s.title(), used));
                List<String> columns = new ArrayList<>();
                s.rows().forEach(r -> r.keySet().forEach(k -> {
                    if (!columns.contains(k)) {
                        columns.add(k);
                    }
                }));
                write(sheet, columns, s.rows().stream().map(r -> columns.stream().map(r::get).toList()).toList());
            }
            Sheet reads = book.createSheet(sheetName(text("privacy.reads.title", "reads"), used));
            write(reads, List.of(text("privacy.reads.at", "at"), text("privacy.reads.action", "action"),
                    text("privacy.reads.role", "role"), text("privacy.reads.unit", "unit")),
                    data.reads().stream().map(r -> List.<Object>of(TIME.format(r.at().atZone(VN)), r.action(), r.role(),
                            r.unitName())).toList());
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Sheet sheet, List<String> header, List<List<Object>> rows) {
        Row h = sheet.createRow(0);
        for (int c = 0; c < header.size(); c++) {
            h.createCell(c).setCellValue(header.get(c));
        }
        int r = 1;
        for (List<Object> values : rows) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < values.size(); c++) {
                Object v = values.get(c);
                if (v instanceof Number n) {
                    row.createCell(c).setCellValue(n.doubleValue());
                } else {
                    row.createCell(c).setCellValue(v == null ? "" : String.valueOf(v));
                }
            }
        }
    }

    private static String sheetName(String title, java.util.Set<String> used) {
        String base = title.replaceAll("[\\\\/?*\\[\\]:]", " ");
        base = base.length() > 28 ? base.substring(0, 28) : base;
        String name = base;
        for (int i = 2; !used.add(name.toLowerCase(Locale.ROOT)); i++) {
            name = base + " " + i;
        }
        return name;
    }

    private String text(String key, String fallback) {
        return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
    }
}
