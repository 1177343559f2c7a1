package vn.binhdan.reporting.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.text.Normalizer;
import java.util.List;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTable.XWPFBorderType;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableCell.XWPFVertAlign;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import vn.binhdan.reporting.internal.AdministrativeReport.Cell;
import vn.binhdan.reporting.internal.AdministrativeReport.Section;
import vn.binhdan.reporting.internal.AdministrativeReport.Table;

/**
 * The report as a Word document an office can edit, sign and file: Times New Roman, A4, the
 * margins, the heading, the font sizes and the "Nơi nhận" / signature block of Decree
 * 30/2020/NĐ-CP, Appendix I. Stateless; one instance serves any number of threads.
 *
 * <p>The heading and the closing block are borderless two-column tables, as the ministries'
 * own templates do, so the columns stay side by side in Word and LibreOffice alike.
 */
public final class AdministrativeReportDocx {

    static final String FONT = "Times New Roman";

    // twips (1/1440 inch): A4 portrait, margins inside Decree 30's ranges
    static final int PAGE_W = 11906;
    static final int PAGE_H = 16838;
    static final int MARGIN_TOP = 1134; // 20 mm
    static final int MARGIN_BOTTOM = 1134; // 20 mm
    static final int MARGIN_LEFT = 1701; // 30 mm
    static final int MARGIN_RIGHT = 850; // 15 mm
    private static final int HEADER_FROM_EDGE = 567; // the page number sits 10 mm from the top edge
    private static final int TEXT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT;

    /** Word's default left and right cell margin; text inside a cell is this much narrower, twice. */
    private static final int CELL_INSET = 108;
    /** 6.5 cm for the issuing body, the rest so "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" stays on one line. */
    private static final int HEAD_LEFT = 3686;
    private static final int CLOSING_LEFT = 4536;
    private static final int FIRST_LINE_INDENT = 720; // 1.27 cm
    private static final int PARAGRAPH_GAP = 120; // 6 pt, the decree's minimum between paragraphs
    private static final int SIGNATURE_ROOM = 1701; // 3 cm for the signature and the seal

    // points, from the ranges of Appendix I
    private static final int BODY = 14;
    private static final int HEAD = 12;
    private static final int MOTTO = 13;
    private static final int NUMBER = 13;
    private static final int TABLE = 12;
    private static final int RECIPIENTS_LABEL = 12;
    private static final int RECIPIENTS = 11;
    private static final int PAGE_NUMBER = 13;

    public byte[] render(AdministrativeReport r) {
        try (XWPFDocument doc = new XWPFDocument()) {
            setUp(doc, r);
            heading(doc, r);
            title(doc, r);
            List<Section> sections = r.sections();
            for (int i = 0; i < sections.size(); i++) {
                section(doc, sections.get(i), i + 1, i == sections.size() - 1);
            }
            closing(doc, r);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write report " + r.number(), e);
        }
    }

    // ---------------------------------------------------------------------------------- page

    private static void setUp(XWPFDocument doc, AdministrativeReport r) {
        XWPFStyles styles = doc.createStyles();
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT); // Vietnamese letters (Latin Extended Additional) take this one
        fonts.setCs(FONT);
        fonts.setEastAsia(FONT);
        styles.setDefaultFonts(fonts);
        styles.setSpellingLanguage("vi-VN");
        // empty spacer paragraphs take the default size; Word's own default is 10 pt
        styles.getCtStyles().getDocDefaults().getRPrDefault().getRPr().addNewSz().setVal(BigInteger.valueOf(2 * BODY));
        // no single first or last line of a paragraph left alone at a page break (Word's Normal has it, we have no Normal)
        styles.getCtStyles().getDocDefaults().getPPrDefault().getPPr().addNewWidowControl();

        CTSectPr sect = doc.getDocument().getBody().isSetSectPr()
                ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_W));
        size.setH(BigInteger.valueOf(PAGE_H));
        size.setOrient(STPageOrientation.PORTRAIT);
        CTPageMar margins = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(MARGIN_TOP));
        margins.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
        margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
        margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
        margins.setHeader(BigInteger.valueOf(HEADER_FROM_EDGE));
        margins.setFooter(BigInteger.valueOf(HEADER_FROM_EDGE));
        margins.setGutter(BigInteger.ZERO);

        // the decree numbers pages at the top centre and leaves the first page unnumbered: an
        // empty first-page header (POI turns on "different first page" for it), a PAGE field after
        doc.createHeader(HeaderFooterType.FIRST);
        XWPFHeader header = doc.createHeader(HeaderFooterType.DEFAULT);
        XWPFParagraph p = header.getParagraphs().isEmpty() ? header.createParagraph() : header.getParagraphs().get(0);
        tight(p, ParagraphAlignment.CENTER);
        field(p, STFldCharType.BEGIN);
        XWPFRun instruction = styled(p.createRun(), PAGE_NUMBER);
        instruction.getCTR().addNewInstrText().setStringValue(" PAGE ");
        field(p, STFldCharType.SEPARATE);
        run(p, "2", PAGE_NUMBER, false, false);
        field(p, STFldCharType.END);

        String title = (upper(r.documentType()) + " " + ReportFormat.nfc(r.summary())).strip();
        doc.getProperties().getCoreProperties().setTitle(title);
        doc.getProperties().getCoreProperties().setCreator(ReportFormat.nfc(r.issuingBody()));
    }

    private static void field(XWPFParagraph p, STFldCharType.Enum type) {
        styled(p.createRun(), PAGE_NUMBER).getCTR().addNewFldChar().setFldCharType(type);
    }

    // ------------------------------------------------------------------------------- heading

    /** Issuing body and number on the left, national heading and place-date on the right. */
    private static void heading(XWPFDocument doc, AdministrativeReport r) {
        XWPFTable t = doc.createTable(2, 2);
        layout(t, new int[] {HEAD_LEFT, TEXT_W - HEAD_LEFT});
        t.removeBorders();

        XWPFTableCell bodies = t.getRow(0).getCell(0);
        String governing = upper(r.governingBody());
        if (!governing.isEmpty()) {
            run(centred(bodies), governing, HEAD, false, false);
        }
        String issuing = upper(r.issuingBody());
        run(centred(bodies), issuing, HEAD, true, false);
        // a short rule, a third to a half of the name's width
        int inner = HEAD_LEFT - 2 * CELL_INSET;
        rule(bodies.addParagraph(), inner, (int) (0.4 * Math.min(inner, estimate(issuing, HEAD, true))));
        done(bodies);

        XWPFTableCell nation = t.getRow(0).getCell(1);
        run(centred(nation), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", HEAD, true, false);
        // underlining the motto gives a rule exactly as long as the text, as the decree asks
        run(centred(nation), "Độc lập - Tự do - Hạnh phúc", MOTTO, true, false).setUnderline(UnderlinePatterns.SINGLE);
        done(nation);

        XWPFTableCell number = t.getRow(1).getCell(0);
        XWPFParagraph n = centred(number);
        n.setSpacingBefore(PARAGRAPH_GAP);
        run(n, "Số: " + ReportFormat.nfc(r.number()), NUMBER, false, false);
        done(number);

        XWPFTableCell date = t.getRow(1).getCell(1);
        XWPFParagraph d = centred(date);
        d.setSpacingBefore(PARAGRAPH_GAP);
        run(d, ReportFormat.placeAndDate(r.place(), r.date()), BODY, false, true);
        done(date);
    }

    private static void title(XWPFDocument doc, AdministrativeReport r) {
        XWPFParagraph type = doc.createParagraph();
        tight(type, ParagraphAlignment.CENTER);
        type.setSpacingBefore(3 * PARAGRAPH_GAP);
        type.setKeepNext(true);
        run(type, upper(r.documentType()), BODY, true, false);

        String summary = ReportFormat.nfc(r.summary());
        if (!summary.isEmpty()) {
            XWPFParagraph s = doc.createParagraph();
            tight(s, ParagraphAlignment.CENTER);
            s.setKeepNext(true);
            run(s, summary, BODY, true, false);
            rule(doc.createParagraph(), TEXT_W, (int) (0.4 * Math.min(TEXT_W, estimate(summary, BODY, true))));
        }
        doc.createParagraph().setSpacingAfter(PARAGRAPH_GAP);
    }

    // ---------------------------------------------------------------------------------- body

    private static void section(XWPFDocument doc, Section section, int number, boolean last) {
        XWPFParagraph heading = doc.createParagraph();
        bodyParagraph(heading, ParagraphAlignment.BOTH);
        heading.setSpacingBefore(PARAGRAPH_GAP);
        heading.setKeepNext(true);
        run(heading, ReportFormat.roman(number) + ". " + upper(section.heading()), BODY, true, false);

        List<String> paragraphs = section.paragraphs();
        for (int i = 0; i < paragraphs.size(); i++) {
            XWPFParagraph p = doc.createParagraph();
            bodyParagraph(p, ParagraphAlignment.BOTH);
            run(p, ReportFormat.nfc(paragraphs.get(i)), BODY, false, false);
            // the signature must not stand alone on a page: the body's last lines go with it
            p.setKeepNext(last && i == paragraphs.size() - 1 && section.tables().isEmpty());
        }
        for (Table table : section.tables()) {
            table(doc, table);
        }
    }

    private static void bodyParagraph(XWPFParagraph p, ParagraphAlignment alignment) {
        p.setAlignment(alignment);
        p.setIndentationFirstLine(FIRST_LINE_INDENT);
        p.setSpacingBefore(0);
        p.setSpacingAfter(PARAGRAPH_GAP);
        p.setSpacingBetween(1.15);
    }

    private static void table(XWPFDocument doc, Table table) {
        XWPFParagraph caption = doc.createParagraph();
        tight(caption, ParagraphAlignment.CENTER);
        caption.setSpacingBefore(PARAGRAPH_GAP);
        caption.setSpacingAfter(PARAGRAPH_GAP / 2);
        caption.setKeepNext(true);
        String captionText = ReportFormat.nfc(table.caption());
        if (!captionText.isEmpty()) {
            run(caption, captionText, NUMBER, true, false);
        }

        int columns = table.headers().size();
        XWPFTable t = doc.createTable(table.rows().size() + 1, columns);
        double[] shares = ReportFormat.columnWidths(table, TEXT_W, 2 * CELL_INSET, s -> estimate(s, TABLE, true));
        int[] widths = new int[columns];
        int used = 0;
        for (int c = 0; c < columns; c++) {
            widths[c] = c == columns - 1 ? TEXT_W - used : (int) Math.round(shares[c]);
            used += widths[c];
        }
        layout(t, widths);
        int thin = 4; // eighths of a point
        t.setTopBorder(XWPFBorderType.SINGLE, thin, 0, "000000");
        t.setBottomBorder(XWPFBorderType.SINGLE, thin, 0, "000000");
        t.setLeftBorder(XWPFBorderType.SINGLE, thin, 0, "000000");
        t.setRightBorder(XWPFBorderType.SINGLE, thin, 0, "000000");
        t.setInsideHBorder(XWPFBorderType.SINGLE, thin, 0, "000000");
        t.setInsideVBorder(XWPFBorderType.SINGLE, thin, 0, "000000");

        XWPFTableRow header = t.getRow(0);
        header.setRepeatHeader(true);
        header.setCantSplitRow(true);
        for (int c = 0; c < columns; c++) {
            XWPFTableCell cell = header.getCell(c);
            cell.setVerticalAlignment(XWPFVertAlign.CENTER);
            XWPFParagraph p = cellParagraph(cell, ParagraphAlignment.CENTER);
            run(p, ReportFormat.nfc(table.headers().get(c)), TABLE, true, false);
            done(cell);
        }
        for (int i = 0; i < table.rows().size(); i++) {
            XWPFTableRow row = t.getRow(i + 1);
            row.setCantSplitRow(true);
            List<Cell> cells = table.rows().get(i);
            for (int c = 0; c < columns; c++) {
                Cell value = cells.get(c);
                XWPFTableCell cell = row.getCell(c);
                cell.setVerticalAlignment(XWPFVertAlign.CENTER);
                ParagraphAlignment alignment = ReportFormat.alignsRight(value) ? ParagraphAlignment.RIGHT
                        : value instanceof Cell.Missing ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT;
                run(cellParagraph(cell, alignment), ReportFormat.cell(value), TABLE, value.bold(), false);
                done(cell);
            }
        }
        // keeps two tables in a row from fusing into one, and leaves air below
        tight(doc.createParagraph(), ParagraphAlignment.LEFT);
    }

    private static XWPFParagraph cellParagraph(XWPFTableCell cell, ParagraphAlignment alignment) {
        XWPFParagraph p = cell.addParagraph();
        tight(p, alignment);
        p.setSpacingBefore(20);
        p.setSpacingAfter(20);
        return p;
    }

    // ------------------------------------------------------------------------------- closing

    /** "Nơi nhận:" and its list on the left, beside the signer's block on the right. */
    private static void closing(XWPFDocument doc, AdministrativeReport r) {
        XWPFTable t = doc.createTable(1, 2);
        layout(t, new int[] {CLOSING_LEFT, TEXT_W - CLOSING_LEFT});
        t.removeBorders();
        t.getRow(0).setCantSplitRow(true);

        XWPFTableCell recipients = t.getRow(0).getCell(0);
        XWPFParagraph label = recipients.addParagraph();
        tight(label, ParagraphAlignment.LEFT);
        label.setSpacingBefore(PARAGRAPH_GAP);
        run(label, "Nơi nhận:", RECIPIENTS_LABEL, true, true);
        for (String line : ReportFormat.recipientLines(r.recipients())) {
            XWPFParagraph p = recipients.addParagraph();
            tight(p, ParagraphAlignment.LEFT);
            run(p, line, RECIPIENTS, false, false);
        }
        done(recipients);

        XWPFTableCell signer = t.getRow(0).getCell(1);
        String authority = upper(r.signerAuthority());
        if (!authority.isEmpty()) {
            run(centred(signer), authority, BODY, true, false);
        }
        run(centred(signer), upper(r.signerPosition()), BODY, true, false);
        XWPFParagraph name = centred(signer);
        name.setSpacingBefore(SIGNATURE_ROOM);
        run(name, ReportFormat.nfc(r.signerName()), BODY, true, false);
        done(signer);
        signer.getParagraphs().get(0).setSpacingBefore(PARAGRAPH_GAP);
    }

    // ------------------------------------------------------------------------------- helpers

    /** Fixed column widths, so Word and LibreOffice lay the table out the same. */
    private static void layout(XWPFTable t, int[] widths) {
        CTTblPr pr = t.getCTTbl().getTblPr() != null ? t.getCTTbl().getTblPr() : t.getCTTbl().addNewTblPr();
        CTTblLayoutType layout = pr.isSetTblLayout() ? pr.getTblLayout() : pr.addNewTblLayout();
        layout.setType(STTblLayoutType.FIXED);
        int total = 0;
        for (int w : widths) {
            total += w;
        }
        t.setWidthType(TableWidthType.DXA);
        t.setWidth(Integer.toString(total));
        CTTblGrid grid = t.getCTTbl().getTblGrid() != null ? t.getCTTbl().getTblGrid() : t.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        for (XWPFTableRow row : t.getRows()) {
            for (int c = 0; c < widths.length; c++) {
                XWPFTableCell cell = row.getCell(c);
                cell.setWidthType(TableWidthType.DXA);
                cell.setWidth(Integer.toString(widths[c]));
            }
        }
    }

    private static XWPFParagraph centred(XWPFTableCell cell) {
        XWPFParagraph p = cell.addParagraph();
        tight(p, ParagraphAlignment.CENTER);
        return p;
    }

    /** A new cell comes with an empty paragraph; the cell's own paragraphs are added after it. */
    private static void done(XWPFTableCell cell) {
        if (cell.getParagraphs().size() > 1) {
            cell.removeParagraph(0);
        }
    }

    private static void tight(XWPFParagraph p, ParagraphAlignment alignment) {
        p.setAlignment(alignment);
        p.setSpacingBefore(0);
        p.setSpacingAfter(0);
        p.setSpacingBetween(1.0);
    }

    /** An empty paragraph whose bottom border, between equal indents, is a centred rule. */
    private static void rule(XWPFParagraph p, int containerWidth, int length) {
        int indent = Math.max(0, (containerWidth - length) / 2);
        tight(p, ParagraphAlignment.CENTER);
        p.setIndentationLeft(indent);
        p.setIndentationRight(indent);
        p.setSpacingBetween(3, LineSpacingRule.EXACT);
        p.setBorderBottom(Borders.SINGLE);
        p.getCTP().getPPr().getPBdr().getBottom().setSz(BigInteger.valueOf(6));
    }

    private static XWPFRun run(XWPFParagraph p, String text, int size, boolean bold, boolean italic) {
        XWPFRun run = styled(p.createRun(), size);
        run.setBold(bold);
        run.setItalic(italic);
        run.setText(text);
        return run;
    }

    private static XWPFRun styled(XWPFRun run, int size) {
        run.setFontFamily(FONT);
        run.setFontSize(size);
        return run;
    }

    private static String upper(String text) {
        return ReportFormat.upper(text);
    }

    /**
     * Roughly how wide Times New Roman sets the text, in twips. Word measures the real font when
     * it opens the file; this is only good enough to size the short rules (a third to a half of a
     * line, so a few percent either way is fine) and the table columns.
     */
    static double estimate(String text, double size, boolean bold) {
        double em = 0;
        for (char ch : Normalizer.normalize(text, Normalizer.Form.NFD).toCharArray()) {
            int type = Character.getType(ch);
            if (type == Character.NON_SPACING_MARK) {
                continue;
            }
            if (ch == ' ') {
                em += 0.25;
            } else if (Character.isUpperCase(ch)) {
                em += ch == 'I' || ch == 'J' ? 0.39 : ch == 'M' || ch == 'W' ? 0.9 : 0.7;
            } else if (Character.isDigit(ch)) {
                em += 0.5;
            } else if (Character.isLetter(ch)) {
                em += "ijlft".indexOf(ch) >= 0 ? 0.28 : ch == 'm' || ch == 'w' ? 0.75 : 0.48;
            } else {
                em += 0.33;
            }
        }
        return em * size * 20 * (bold ? 1.05 : 1);
    }
}
