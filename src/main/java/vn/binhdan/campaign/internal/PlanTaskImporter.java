package vn.binhdan.campaign.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.binhdan.campaign.PlanTaskDue;
import vn.binhdan.campaign.internal.PlanTableReader.Grid;
import vn.binhdan.campaign.internal.PlanTableReader.GridRow;
import vn.binhdan.campaign.internal.PlanTableReader.Merge;
import vn.binhdan.campaign.internal.PlanUnitMatcher.Match;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.VietnameseText;
import vn.binhdan.shared.tabular.Cell;

/**
 * Reads a plan's task table (the appendix "STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp |
 * Thời gian") as the provinces and communes lay it out: a title above the header, a header over
 * one or two rows, a row of column numbers under it, headings ("I", "II" or a title alone)
 * between the tasks, a lead cell merged over the rows it applies to, blank rows. Every row is
 * checked and every problem reported; the caller applies nothing unless there is none.
 */
public final class PlanTaskImporter {

    enum Column { NUMBER, TASK, LEAD, COORDINATING, TIME, INDICATORS }

    /** A problem of one row (row 0: the file), as a message key of the plans bundle. */
    public record Problem(long row, String key, Object... args) {
    }

    public sealed interface Item permits Section, Task {
        long row();
    }

    public record Section(long row, String number, String title) implements Item {
    }

    public record Task(long row, String number, String content, List<Match> leads, List<Match> coordinating,
                       PlanTaskDue due, List<String> indicatorCodes) implements Item {
    }

    public record Table(List<Item> items, List<Problem> problems) {

        public long sections() {
            return items.stream().filter(i -> i instanceof Section).count();
        }

        public long tasks() {
            return items.stream().filter(i -> i instanceof Task).count();
        }
    }

    static final int MAX_CONTENT = 4000;
    static final int MAX_NUMBER = 20;
    static final int MAX_NAME = 300;
    static final int MAX_SECTION = 1000;
    /** How far down a title may push the header. */
    private static final int HEADER_SEARCH_ROWS = 20;
    private static final Pattern ROMAN = Pattern.compile("^([IVXLC]+)[.)]?$");
    private static final Pattern ROMAN_TITLE = Pattern.compile("^([IVXLC]+)[.)]?\\s+(\\S.*)$", Pattern.DOTALL);
    private static final Pattern COLUMN_NUMBERS = Pattern.compile("^\\(?\\d{1,2}\\)?$");
    public static final Pattern INDICATOR_CODE = Pattern.compile("^[A-Z0-9_]{1,40}$");

    private PlanTaskImporter() {
    }

    public static Table read(String fileName, byte[] content, PlanUnitMatcher matcher) {
        return parse(PlanTableReader.read(fileName, content), matcher);
    }

    static Table parse(Grid grid, PlanUnitMatcher matcher) {
        List<GridRow> rows = grid.rows();
        int header = -1;
        Map<Column, Integer> columns = null;
        for (int r = 0, seen = 0; r < rows.size() && seen < HEADER_SEARCH_ROWS; r++) {
            if (rows.get(r).blank()) {
                continue;
            }
            seen++;
            Map<Column, Integer> found = columns(rows.get(r));
            if (found.containsKey(Column.TASK) && found.size() >= 2) {
                header = r;
                columns = found;
                break;
            }
        }
        if (header < 0) {
            throw new BusinessException("plan.import.noTaskColumn");
        }
        int first = header + 1;
        // a header over two rows: "Cơ quan thực hiện" above "Chủ trì" | "Phối hợp"
        if (first < rows.size()) {
            Map<Column, Integer> below = columns(rows.get(first));
            boolean subHeader = !below.isEmpty() && rows.get(first).cell(columns.get(Column.TASK)).isBlank()
                    && !below.containsKey(Column.TASK);
            if (subHeader) {
                below.forEach(columns::put);
                first++;
            }
        }
        // a row of column numbers under the header: (1) (2) (3) …
        if (first < rows.size() && !rows.get(first).blank() && rows.get(first).cells().stream()
                .filter(c -> !c.isBlank()).allMatch(c -> COLUMN_NUMBERS.matcher(c.text()).matches())) {
            first++;
        }
        List<List<Cell>> cells = fillMerged(rows, grid.merges(), columns);

        List<Item> items = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int r = first; r < rows.size(); r++) {
            long rowNo = rows.get(r).rowNo();
            List<Cell> row = cells.get(r);
            String number = text(row, columns.get(Column.NUMBER));
            String task = text(row, columns.get(Column.TASK));
            String lead = text(row, columns.get(Column.LEAD));
            String coordinating = text(row, columns.get(Column.COORDINATING));
            String time = text(row, columns.get(Column.TIME));
            String indicators = text(row, columns.get(Column.INDICATORS));
            if (number == null && task == null && lead == null && coordinating == null && time == null
                    && indicators == null) {
                continue;
            }
            if (task == null && number != null) {
                Matcher titled = ROMAN_TITLE.matcher(number);
                if (titled.matches()) {
                    // a heading typed into the number cell and merged across the row
                    items.add(new Section(rowNo, titled.group(1), limit(titled.group(2), MAX_SECTION)));
                    continue;
                }
            }
            boolean roman = number != null && ROMAN.matcher(number).matches();
            boolean titleOnly = number == null && task != null && lead == null && coordinating == null && time == null
                    && indicators == null;
            if (roman || titleOnly) {
                if (task == null) {
                    problems.add(new Problem(rowNo, "plan.import.sectionWithoutTitle", number));
                    continue;
                }
                if (task.length() > MAX_SECTION) {
                    problems.add(new Problem(rowNo, "plan.import.tooLong", MAX_SECTION));
                    continue;
                }
                items.add(new Section(rowNo, roman ? number.replaceAll("[.)]$", "") : null, task));
                continue;
            }
            int before = problems.size();
            if (task == null) {
                problems.add(new Problem(rowNo, "plan.import.noContent"));
            } else if (task.length() > MAX_CONTENT) {
                problems.add(new Problem(rowNo, "plan.import.tooLong", MAX_CONTENT));
            }
            if (number != null && number.length() > MAX_NUMBER) {
                problems.add(new Problem(rowNo, "plan.import.numberTooLong", number, MAX_NUMBER));
            }
            Optional<PlanTaskDue> due = PlanDueParser.parse(time);
            if (due.isEmpty()) {
                problems.add(new Problem(rowNo, "plan.import.badDue", time));
            }
            List<Match> leads = matcher.split(lead);
            List<Match> coordinators = matcher.split(coordinating);
            for (Match m : concat(leads, coordinators)) {
                if (m.text().length() > MAX_NAME) {
                    problems.add(new Problem(rowNo, "plan.import.nameTooLong", MAX_NAME));
                    break;
                }
            }
            List<String> codes = new ArrayList<>();
            String badCode = indicatorCodes(indicators, codes);
            if (badCode != null) {
                problems.add(new Problem(rowNo, "plan.import.badIndicator", badCode));
            }
            if (problems.size() == before) {
                items.add(new Task(rowNo, number, task, leads, coordinators, due.orElseThrow(), codes));
            }
        }
        if (items.stream().noneMatch(i -> i instanceof Task) && problems.isEmpty()) {
            problems.add(new Problem(0, "plan.import.noTasks"));
        }
        return new Table(items, problems);
    }

    /**
     * The columns a row names. Lead and co-ordinating are recognised before the task column,
     * because their headers may also say "nội dung"; each role goes to its first column.
     */
    static Map<Column, Integer> columns(GridRow row) {
        Map<Column, Integer> found = new EnumMap<>(Column.class);
        for (int c = 0; c < row.cells().size(); c++) {
            String t = row.cell(c).text();
            if (t.isBlank() || t.length() > 80) {
                continue;
            }
            Column col = classify(VietnameseText.fold(t).replaceAll("[^a-z0-9 ]+", " ").replaceAll(" +", " ").trim());
            if (col != null) {
                found.putIfAbsent(col, c);
            }
        }
        return found;
    }

    static Column classify(String h) {
        if (h.matches("(stt|tt|so tt|so thu tu|thu tu|no|number|ordinal)")) {
            return Column.NUMBER;
        }
        if (h.contains("phoi hop") || h.contains("coordinat") || h.contains("co ordinat")) {
            return Column.COORDINATING;
        }
        if (h.contains("chu tri") || h.equals("lead") || h.contains("lead unit") || h.contains("don vi thuc hien")
                || h.contains("co quan thuc hien")) {
            return Column.LEAD;
        }
        if (h.contains("thoi gian") || h.contains("thoi han") || h.contains("tien do") || h.contains("han hoan thanh")
                || h.equals("time") || h.equals("due") || h.contains("deadline")) {
            return Column.TIME;
        }
        if (h.contains("ma chi so") || h.contains("ma chi tieu") || h.equals("chi so") || h.contains("indicator")) {
            return Column.INDICATORS;
        }
        if (h.contains("nhiem vu") || h.contains("noi dung") || h.contains("giai phap") || h.contains("cong viec")
                || h.contains("hoat dong") || h.equals("task") || h.equals("tasks") || h.equals("content")) {
            return Column.TASK;
        }
        return null;
    }

    /**
     * A merged cell down the lead, co-ordinating, time or indicator column applies to every row
     * it spans. Merges are not spread across columns (a heading merged along its row stays one
     * cell), nor down the number or task columns, where they would copy a task.
     */
    private static List<List<Cell>> fillMerged(List<GridRow> rows, List<Merge> merges, Map<Column, Integer> columns) {
        List<List<Cell>> cells = new ArrayList<>();
        for (GridRow r : rows) {
            cells.add(new ArrayList<>(r.cells()));
        }
        Set<Integer> fillable = new LinkedHashSet<>();
        for (Column c : List.of(Column.LEAD, Column.COORDINATING, Column.TIME, Column.INDICATORS)) {
            if (columns.containsKey(c)) {
                fillable.add(columns.get(c));
            }
        }
        for (Merge m : merges) {
            if (m.lastRow() <= m.firstRow() || !fillable.contains(m.firstCol()) || m.firstRow() >= cells.size()) {
                continue;
            }
            Cell top = rows.get(m.firstRow()).cell(m.firstCol());
            for (int r = m.firstRow() + 1; r <= m.lastRow() && r < cells.size(); r++) {
                List<Cell> row = cells.get(r);
                while (row.size() <= m.firstCol()) {
                    row.add(Cell.EMPTY);
                }
                row.set(m.firstCol(), top);
            }
        }
        return cells;
    }

    private static String text(List<Cell> row, Integer col) {
        if (col == null || col >= row.size()) {
            return null;
        }
        String t = row.get(col).text();
        return t == null || t.isBlank() ? null : t.strip();
    }

    private static String limit(String s, int max) {
        String t = s.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }

    /** Codes separated by commas, semicolons or spaces; returns the first malformed one, or null. */
    public static String indicatorCodes(String cell, List<String> out) {
        if (cell == null) {
            return null;
        }
        for (String c : cell.split("[,;\\s]+")) {
            if (c.isBlank()) {
                continue;
            }
            String code = c.strip().toUpperCase(Locale.ROOT);
            if (!INDICATOR_CODE.matcher(code).matches()) {
                return c.strip();
            }
            if (!out.contains(code)) {
                out.add(code);
            }
        }
        return null;
    }

    private static List<Match> concat(List<Match> a, List<Match> b) {
        List<Match> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
