package vn.binhdan.reporting.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.binhdan.reporting.Consolidated;
import vn.binhdan.reporting.Figure;
import vn.binhdan.reporting.ReportForm;
import vn.binhdan.reporting.internal.AdministrativeReport.Cell;

/**
 * The consolidated report as the administrative document a steering committee signs and sends
 * up (Decree 30/2020 layout): the totals by indicator, the certified shares of each unit below,
 * and the units' texts per section. Always in Vietnamese: it is an official document. The number
 * is left blank for the clerk who registers it, as is done on paper.
 */
@Component
public class ConsolidatedDocument {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final MessageSource messages;
    private final Clock clock;
    private final AdministrativeReportDocx docx = new AdministrativeReportDocx();
    private final AdministrativeReportPdf pdf = new AdministrativeReportPdf();

    ConsolidatedDocument(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /** Who signs: typed by the clerk who prints it; blank lines are left for a hand-written one. */
    public record Signer(String name, String title) {
        static final int MAX = 100;

        public static Signer of(String name, String title) {
            String n = name == null ? "" : ReportFormat.nfc(name).strip();
            String t = title == null ? "" : ReportFormat.nfc(title).strip();
            if (n.length() > MAX || t.length() > MAX) {
                throw new vn.binhdan.shared.BusinessException("report.doc.signerTooLong", MAX);
            }
            return new Signer(n, t);
        }
    }

    public byte[] docx(Consolidated c, Signer signer) {
        return docx.render(document(c, signer));
    }

    public byte[] pdf(Consolidated c, Signer signer) {
        return pdf.render(document(c, signer));
    }

    AdministrativeReport document(Consolidated c, String signerName) {
        return document(c, Signer.of(signerName, null));
    }

    AdministrativeReport document(Consolidated c, Signer signer) {
        String period = msg("report.period." + c.period().type().name(), c.period().year(), c.period().number());
        List<AdministrativeReport.Section> sections = new ArrayList<>();
        sections.add(new AdministrativeReport.Section(msg("report.doc.figures"),
                List.of(msg("report.doc.basis", c.approvedCount(), c.children().size())),
                List.of(totals(c), shares(c))));
        if (c.budget() != null) {
            sections.add(budget(c.budget()));
        }
        for (Consolidated.SectionTexts s : c.sections()) {
            List<String> paragraphs = s.texts().stream().map(t -> t.unitName() + ": " + t.body()).toList();
            sections.add(new AdministrativeReport.Section(msg("report.section." + s.section().name()),
                    paragraphs.isEmpty() ? List.of(msg("report.doc.nothing")) : paragraphs, List.of()));
        }
        return new AdministrativeReport(msg("report.doc.governing", c.unitName()), msg("report.doc.issuer"),
                msg("report.doc.number"), place(c.unitName()), LocalDate.now(clock), msg("report.doc.type"),
                msg("report.doc.summary", period), sections,
                List.of(msg("report.doc.to1"), msg("report.doc.to2"), msg("report.doc.archive")),
                msg("report.doc.authority"), signer.title().isEmpty() ? msg("report.doc.position") : signer.title(),
                signer.name());
    }

    private AdministrativeReport.Table totals(Consolidated c) {
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < c.columns().size(); i++) {
            Consolidated.Column col = c.columns().get(i);
            Figure f = c.totals().get(i);
            rows.add(List.of(Cell.integer(i + 1), Cell.text(col.indicatorName()), Cell.text(group(col.group())),
                    f.numerator() == null ? Cell.missing() : Cell.integer(f.numerator()),
                    !col.share() ? Cell.text("") : f.denominator() == null ? Cell.missing() : Cell.integer(f.denominator()),
                    !col.share() ? Cell.text("") : f.share() == null ? Cell.missing() : Cell.percent(f.share(), 1)));
        }
        return new AdministrativeReport.Table(msg("report.doc.totalsCaption"), List.of(msg("report.doc.no"),
                msg("report.doc.indicator"), msg("report.doc.group"), msg("report.doc.count"), msg("report.doc.population"),
                msg("report.doc.share")), rows);
    }

    /** One row per unit below: its certified share for each group, the way the province ranks them. */
    private AdministrativeReport.Table shares(Consolidated c) {
        List<Integer> picked = new ArrayList<>();
        List<String> headers = new ArrayList<>(List.of(msg("report.doc.no"), msg("report.doc.unit")));
        for (int i = 0; i < c.columns().size(); i++) {
            Consolidated.Column col = c.columns().get(i);
            if (col.share() && col.source() == vn.binhdan.campaign.Indicator.Source.COMPUTED) {
                picked.add(i);
                headers.add(group(col.group()));
            }
        }
        List<List<Cell>> rows = new ArrayList<>();
        int n = 0;
        // a hundred communes without an approved report are one line, not pages of empty rows
        List<String> without = c.children().stream().filter(child -> !child.included())
                .map(Consolidated.ChildRow::unitName).toList();
        for (Consolidated.ChildRow child : c.children()) {
            if (!child.included()) {
                continue;
            }
            List<Cell> row = new ArrayList<>(List.of(Cell.integer(++n), Cell.text(child.unitName())));
            for (int i : picked) {
                BigDecimal share = child.included() ? child.figures().get(i).share() : null;
                row.add(share == null ? Cell.missing() : Cell.percent(share, 1));
            }
            rows.add(row);
        }
        if (!without.isEmpty()) {
            List<Cell> row = new ArrayList<>(List.of(Cell.text(""),
                    Cell.text(msg("report.doc.withoutReport", without.size(), String.join(", ", without)))));
            picked.forEach(i -> row.add(Cell.missing()));
            rows.add(row);
        }
        List<Cell> total = new ArrayList<>(List.of(Cell.text(""), Cell.text(msg("report.doc.total"))));
        for (int i : picked) {
            BigDecimal share = c.totals().get(i).share();
            total.add(share == null ? Cell.missing() : Cell.percent(share, 1));
        }
        rows.add(Cell.totalRow(total.toArray(Cell[]::new)));
        return new AdministrativeReport.Table(msg("report.doc.sharesCaption"), headers, rows);
    }

    /** Table 3: the funding by source, estimate against allocation against what was spent to the quarter's end. */
    private AdministrativeReport.Section budget(vn.binhdan.campaign.BudgetSummary b) {
        List<List<Cell>> rows = new ArrayList<>();
        int n = 0;
        for (var s : b.sources()) {
            rows.add(List.of(Cell.integer(++n), Cell.text(msg("budget.source." + s.source())), Cell.integer(s.estimate()),
                    Cell.integer(s.allocated()), Cell.integer(s.spent()), Cell.integer(s.allocated() - s.spent())));
        }
        rows.add(Cell.totalRow(Cell.text(""), Cell.text(msg("report.doc.total")), Cell.integer(b.estimate()),
                Cell.integer(b.allocated()), Cell.integer(b.spent()), Cell.integer(b.allocated() - b.spent())));
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(b.empty() ? msg("budget.report.none") : msg("budget.report.basis", b.lines().size(), b.quarter(),
                Integer.toString(b.year())));
        b.lines().stream().filter(vn.binhdan.campaign.BudgetSummary.LineRow::over)
                .forEach(l -> paragraphs.add(msg("budget.report.overLine", l.title(), l.unitName(),
                        String.format(VI, "%,d", l.spent() - l.allocated()))));
        return new AdministrativeReport.Section(msg("budget.report.heading"), paragraphs,
                List.of(new AdministrativeReport.Table(msg("budget.report.caption"), List.of(msg("report.doc.no"),
                        msg("budget.report.source"), msg("budget.estimate"), msg("budget.allocated"),
                        msg("budget.spentToDate"), msg("budget.remaining")), rows)));
    }

    /** "Tỉnh Đắk Lắk" → "Đắk Lắk": the place line names the place, not the kind of unit. */
    static String place(String unitName) {
        return unitName.replaceFirst("^(Tỉnh|Thành phố|Xã|Phường|Đặc khu|Thị trấn)\\s+", "");
    }

    private String group(String g) {
        return msg(vn.binhdan.campaign.Indicator.ALL.equals(g) ? "report.group.ALL" : "group." + g);
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, VI);
    }
}
