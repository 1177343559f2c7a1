package vn.binhdan.shared.docx;

import java.math.BigInteger;
import java.text.Normalizer;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.springframework.http.MediaType;

/**
 * The layout of Decree 30/2020/NĐ-CP for the Word documents the platform writes for an office to
 * edit, sign and send (a contest's announcement, a proposal letter): Times New Roman on A4 with
 * the decree's margins, the national heading, tables whose header repeats on every page. Each
 * document keeps its own words; only the decree's layout is here.
 */
public final class OfficialDocx {

    public static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    static final String FONT = "Times New Roman";
    /** A4 less the 30 mm and 15 mm margins, in twips. */
    public static final int TEXT_W = 11906 - 1701 - 850;

    private OfficialDocx() {
    }

    public static void page(XWPFDocument doc) {
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT); // Vietnamese letters take this one
        fonts.setCs(FONT);
        fonts.setEastAsia(FONT);
        doc.createStyles().setDefaultFonts(fonts);
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar m = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        m.setTop(BigInteger.valueOf(1134));
        m.setBottom(BigInteger.valueOf(1134));
        m.setLeft(BigInteger.valueOf(1701));
        m.setRight(BigInteger.valueOf(850));
    }

    /** A borderless row of two cells, the first {@code leftWidth} twips wide: headings and signature blocks. */
    public static XWPFTable twoColumns(XWPFDocument doc, int leftWidth) {
        XWPFTable t = doc.createTable(1, 2);
        t.removeBorders();
        width(t.getRow(0).getCell(0), leftWidth);
        width(t.getRow(0).getCell(1), TEXT_W - leftWidth);
        return t;
    }

    /** The national heading and the place and date line, in the heading's right cell. */
    public static void nation(XWPFTableCell right, String placeAndDate) {
        XWPFParagraph nation = right.getParagraphs().get(0);
        nation.setAlignment(ParagraphAlignment.CENTER);
        run(nation, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, true, false);
        XWPFParagraph motto = right.addParagraph();
        motto.setAlignment(ParagraphAlignment.CENTER);
        run(motto, "Độc lập - Tự do - Hạnh phúc", 13, true, false).setUnderline(UnderlinePatterns.SINGLE);
        XWPFParagraph date = right.addParagraph();
        date.setAlignment(ParagraphAlignment.CENTER);
        date.setSpacingBefore(120);
        run(date, placeAndDate, 14, false, true);
    }

    public static void table(XWPFDocument doc, List<String> headers, List<List<String>> rows) {
        XWPFTable t = doc.createTable(rows.size() + 1, headers.size());
        CTTblWidth w = t.getCTTbl().getTblPr().isSetTblW() ? t.getCTTbl().getTblPr().getTblW()
                : t.getCTTbl().getTblPr().addNewTblW();
        w.setType(STTblWidth.DXA);
        w.setW(BigInteger.valueOf(TEXT_W));
        for (int c = 0; c < headers.size(); c++) {
            cell(t.getRow(0).getCell(c), headers.get(c), true);
        }
        // the header row repeats on every page of a long list
        t.getRow(0).setRepeatHeader(true);
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < headers.size(); c++) {
                cell(t.getRow(r + 1).getCell(c), rows.get(r).get(c), false);
            }
        }
    }

    private static void cell(XWPFTableCell cell, String value, boolean bold) {
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setAlignment(bold ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
        run(p, value, 12, bold, false);
    }

    private static void width(XWPFTableCell cell, int twips) {
        cell.getCTTc().addNewTcPr().addNewTcW().setW(BigInteger.valueOf(twips));
    }

    /** A body paragraph: justified, first line indented, a little space before. */
    public static void paragraph(XWPFDocument doc, String text, int before) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setIndentationFirstLine(720);
        p.setSpacingBefore(before);
        run(p, text, 14, false, false);
    }

    public static void centred(XWPFDocument doc, String text, int size, boolean bold, int before) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingBefore(before);
        run(p, text, size, bold, false);
    }

    public static XWPFRun run(XWPFParagraph p, String text, int size, boolean bold, boolean italic) {
        XWPFRun r = p.createRun();
        r.setText(text == null ? "" : text);
        r.setFontFamily(FONT);
        r.setFontSize(size);
        r.setBold(bold);
        r.setItalic(italic);
        return r;
    }

    /** Word shows decomposed Vietnamese marks apart from their letters in some fonts: composed forms only. */
    public static String nfc(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
