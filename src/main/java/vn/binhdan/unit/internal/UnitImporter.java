package vn.binhdan.unit.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.importing.ImportField;
import vn.binhdan.importing.ImportOutcome;
import vn.binhdan.importing.ImportRun;
import vn.binhdan.importing.Importer;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.Role;
import vn.binhdan.shared.tabular.Cell;
import vn.binhdan.shared.tabular.RowHandler;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.UnitType;

/**
 * Imports a unit list (code, name, type, parent code). Unit lists are small (a province has a
 * few thousand units with its villages), so the file is validated in memory as a whole: parents
 * may come later in the file than their children. Re-importing the same list changes nothing;
 * a changed name or parent is kept as history.
 */
@Component
public class UnitImporter implements Importer {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    /** The two-level local government took effect on this day; it is the default start of a unit. */
    public static final LocalDate REFORM_DATE = LocalDate.of(2025, 7, 1);

    private final UnitRepository repo;
    private final TransactionTemplate tx;
    private final AuditLog audit;

    public UnitImporter(UnitRepository repo, TransactionTemplate tx, AuditLog audit) {
        this.repo = repo;
        this.tx = tx;
        this.audit = audit;
    }

    @Override
    public String kind() {
        return "UNIT";
    }

    @Override
    public List<ImportField> fields() {
        return List.of(
                ImportField.required("code", "ma", "ma don vi", "ma dvhc", "code", "ma so"),
                ImportField.required("name", "ten", "ten don vi", "name", "ten dvhc"),
                ImportField.required("type", "loai", "loai don vi", "cap", "division type", "type"),
                ImportField.optional("parent_code", "ma cap tren", "ma don vi cap tren", "ma cha", "parent code", "parent"),
                ImportField.optional("valid_from", "hieu luc tu", "ngay hieu luc", "valid from"));
    }

    @Override
    public void checkAllowed(AppUser user) {
        if (!user.has(Role.PROVINCE_ADMIN) && !user.has(Role.SYSTEM_ADMIN)) {
            throw new ForbiddenException("import.forbidden");
        }
    }

    private record Row(long rowNo, String code, String name, UnitType type, String typeLabel, String parentCode,
                       LocalDate validFrom) {
        boolean sameData(Row o) {
            return name.equals(o.name) && type == o.type && Objects.equals(parentCode, o.parentCode);
        }
    }

    @Override
    public ImportOutcome run(ImportRun run) {
        Map<String, Row> rows = new LinkedHashMap<>();
        Set<String> conflicting = new HashSet<>();
        run.read(new RowHandler() {
            @Override
            public void row(long rowNo, List<Cell> cells) {
                run.rowRead();
                Row row = parse(run, rowNo, cells);
                if (row == null) {
                    return;
                }
                Row first = rows.putIfAbsent(row.code(), row);
                if (first != null && !first.sameData(row)) {
                    run.error(rowNo, "import.unit.duplicateCode", row.code(), first.rowNo());
                    if (conflicting.add(row.code())) {
                        run.error(first.rowNo(), "import.unit.duplicateCode", row.code(), rowNo);
                    }
                }
            }
        });
        Map<String, Unit> existing = new HashMap<>();
        Set<String> wanted = new HashSet<>(rows.keySet());
        rows.values().forEach(r -> {
            if (r.parentCode() != null) {
                wanted.add(r.parentCode());
            }
        });
        for (List<String> chunk : chunks(new ArrayList<>(wanted), 1000)) {
            repo.findByCodes(chunk).forEach(u -> existing.put(u.code(), u));
        }
        Map<Long, Unit> ancestors = ancestorsOf(existing.values());
        Map<String, Unit> ancestorCodes = new HashMap<>();
        ancestors.values().forEach(u -> ancestorCodes.putIfAbsent(u.code(), u));
        AppUser user = run.user();
        for (Row r : rows.values()) {
            if (r.parentCode() != null && !rows.containsKey(r.parentCode()) && !existing.containsKey(r.parentCode())) {
                run.error(r.rowNo(), "import.unit.unknownParent", r.parentCode());
                continue;
            }
            if (r.parentCode() != null && r.parentCode().equals(r.code())) {
                run.error(r.rowNo(), "import.unit.selfParent");
                continue;
            }
            if (r.parentCode() != null && movesUnderItself(r, rows, existing, ancestors, ancestorCodes)) {
                run.error(r.rowNo(), "import.unit.moveUnderDescendant", r.code(), r.parentCode());
                continue;
            }
            // The user must be allowed to edit where the unit hangs: its nearest existing ancestor.
            Optional<Unit> anchor = anchor(r, rows, existing);
            Unit newParent = r.parentCode() == null ? null : existing.get(r.parentCode());
            boolean allowed = anchor.map(a -> user.canActOn(a.path(), Role.PROVINCE_ADMIN, Role.SYSTEM_ADMIN))
                    .orElse(user.has(Role.SYSTEM_ADMIN))
                    && (newParent == null || user.canActOn(newParent.path(), Role.PROVINCE_ADMIN, Role.SYSTEM_ADMIN));
            if (!allowed) {
                run.error(r.rowNo(), "import.unit.outOfScope", r.code());
            }
        }
        List<Row> ordered = order(rows, run);
        if (run.errorCount() > 0) {
            return ImportOutcome.rejected(rows.size());
        }
        long[] counts = new long[3];
        tx.executeWithoutResult(status -> {
            Map<String, Unit> known = new HashMap<>(existing);
            for (Row r : ordered) {
                Unit parent = r.parentCode() == null ? null : known.get(r.parentCode());
                Unit current = known.get(r.code());
                LocalDate from = r.validFrom() == null ? REFORM_DATE : r.validFrom();
                if (current == null) {
                    known.put(r.code(), repo.insert(r.code(), r.name(), r.type(), r.typeLabel(), parent, from));
                    counts[0]++;
                    continue;
                }
                boolean renamed = !current.name().equals(r.name()) || current.type() != r.type();
                boolean moved = parent != null && !Objects.equals(current.parentId(), parent.id());
                if (!renamed && !moved) {
                    counts[2]++;
                    continue;
                }
                LocalDate effective = LocalDate.now().isAfter(current.validFrom()) ? LocalDate.now() : current.validFrom().plusDays(1);
                repo.addHistory(current, effective, renamed ? "RENAMED" : "MOVED", "import " + run.jobId(), user.username());
                if (renamed) {
                    repo.update(current.id(), r.name(), r.type(), r.typeLabel(), effective);
                }
                if (moved) {
                    repo.move(current, repo.find(parent.id()).orElseThrow());
                }
                known.put(r.code(), repo.find(current.id()).orElseThrow());
                counts[1]++;
            }
        });
        return new ImportOutcome(rows.size(), counts[0], counts[1], counts[2]);
    }

    private Row parse(ImportRun run, long rowNo, List<Cell> cells) {
        String code = run.cell(cells, "code").text();
        String name = run.cell(cells, "name").text();
        String typeText = run.cell(cells, "type").text();
        String parent = run.cell(cells, "parent_code").text();
        String from = run.cell(cells, "valid_from").text();
        int before = (int) run.errorCount();
        for (String f : List.of("code", "name", "type", "parent_code", "valid_from")) {
            if (run.cell(cells, f).formula()) {
                run.error(rowNo, "import.error.formula",
                        new org.springframework.context.support.DefaultMessageSourceResolvable("import.field." + f));
            }
        }
        if (code.isEmpty()) {
            run.error(rowNo, "import.unit.codeRequired");
        } else if (!CODE.matcher(code).matches()) {
            run.error(rowNo, "import.unit.codeInvalid", code);
        }
        if (name.isEmpty()) {
            run.error(rowNo, "import.unit.nameRequired");
        }
        Optional<UnitType> type = UnitType.parse(typeText);
        if (type.isEmpty()) {
            run.error(rowNo, "import.unit.typeInvalid", typeText);
        }
        if (!parent.isEmpty() && !CODE.matcher(parent).matches()) {
            run.error(rowNo, "import.unit.codeInvalid", parent);
        }
        LocalDate validFrom = null;
        if (!from.isEmpty()) {
            try {
                validFrom = LocalDate.parse(from, DMY);
            } catch (DateTimeParseException e) {
                run.error(rowNo, "import.error.date", from);
            }
        }
        if (run.errorCount() > before) {
            return null;
        }
        return new Row(rowNo, code, name, type.get(), typeText, parent.isEmpty() ? null : parent, validFrom);
    }

    /** The registered ancestors of the given units, by id, read off their paths in one query per chunk. */
    private Map<Long, Unit> ancestorsOf(java.util.Collection<Unit> units) {
        Set<Long> ids = new HashSet<>();
        units.forEach(u -> ids.addAll(u.ancestorIds()));
        Map<Long, Unit> byId = new HashMap<>();
        units.forEach(u -> byId.put(u.id(), u));
        ids.removeAll(byId.keySet());
        for (List<Long> chunk : chunks(new ArrayList<>(ids), 1000)) {
            repo.findByIds(chunk).forEach(u -> byId.put(u.id(), u));
        }
        return byId;
    }

    /**
     * Whether the tree as it will be after this file leads from the row's new parent back up to the
     * row's own unit: a registered unit moved under one of its own descendants. The walk follows the
     * file where it names a parent and the registry elsewhere. Loops made of file rows alone are
     * {@link #order}'s to report; this one needs a registered link, which the file cannot show.
     */
    private static boolean movesUnderItself(Row r, Map<String, Row> rows, Map<String, Unit> existing,
                                            Map<Long, Unit> byId, Map<String, Unit> byCode) {
        Set<String> seen = new HashSet<>();
        boolean viaRegistry = false;
        String code = r.parentCode();
        while (code != null && seen.add(code)) {
            if (code.equals(r.code())) {
                return viaRegistry;
            }
            Row row = rows.get(code);
            if (row != null && row.parentCode() != null) {
                code = row.parentCode();
                continue;
            }
            Unit u = existing.get(code);
            if (u == null) {
                u = byCode.get(code);
            }
            Unit parent = u == null || u.parentId() == null ? null : byId.get(u.parentId());
            viaRegistry = true;
            code = parent == null ? null : parent.code();
        }
        return false;
    }

    /** The nearest unit already in the database at or above the row: where the user needs rights. */
    private static Optional<Unit> anchor(Row r, Map<String, Row> rows, Map<String, Unit> existing) {
        Set<String> seen = new HashSet<>();
        String code = r.code();
        while (code != null && seen.add(code)) {
            Unit u = existing.get(code);
            if (u != null) {
                return Optional.of(u);
            }
            Row row = rows.get(code);
            code = row == null ? null : row.parentCode();
        }
        return Optional.empty();
    }

    /** Parents before children; a cycle in the file is an error on each row in it. */
    private static List<Row> order(Map<String, Row> rows, ImportRun run) {
        List<Row> ordered = new ArrayList<>(rows.size());
        Map<String, Integer> state = new HashMap<>();
        for (Row r : rows.values()) {
            visit(r, rows, state, ordered, run);
        }
        return ordered;
    }

    private static void visit(Row start, Map<String, Row> rows, Map<String, Integer> state, List<Row> out, ImportRun run) {
        // iterative walk up the parent chain so that deep trees cannot overflow the stack
        List<Row> chain = new ArrayList<>();
        Row r = start;
        while (r != null && state.getOrDefault(r.code(), 0) == 0) {
            state.put(r.code(), 1);
            chain.add(r);
            r = r.parentCode() == null ? null : rows.get(r.parentCode());
        }
        if (r != null && state.get(r.code()) == 1) {
            for (Row c : chain) {
                run.error(c.rowNo(), "import.unit.cycle", c.code());
            }
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            state.put(chain.get(i).code(), 2);
            out.add(chain.get(i));
        }
    }

    private static <T> List<List<T>> chunks(List<T> list, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            out.add(list.subList(i, Math.min(list.size(), i + size)));
        }
        return out;
    }
}
