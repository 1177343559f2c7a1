package vn.binhdan.contest.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
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
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import vn.binhdan.contest.PrizeList;
import vn.binhdan.contest.UnitStanding;

/**
 * A prize list as the organiser's announcement (Thông báo), a Word document the office edits,
 * signs and sends: Times New Roman on A4 with the margins, the organiser and national heading
 * and the signature block of Decree 30/2020/NĐ-CP, then the winners' table and, for the final,
 * the collective prizes. Kept apart from reporting's report renderer, which is that module's
 * own; the two share only the decree's layout.
 */
@Component
class PrizeDocx {

    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    private static final String FONT = "Times New Roman";
    private static final int TEXT_W = 11906 - 1701 - 850; // A4 less 30 mm and 15 mm margins, in twips
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final MessageSource messages;

    PrizeDocx(MessageSource messages) {
        this.messages = messages;
    }

    static ResponseEntity<byte[]> download(byte[] body, String name) {
        return ResponseEntity.ok().contentType(DOCX)
                .header("Content-Disposition", "attachment; filename=\"" + name + ".docx\"").body(body);
    }

    byte[] write(PrizeList list, String organiser, Locale locale) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(doc);
            heading(doc, nfc(organiser), locale);
            String what = list.roundId() == null ? text(locale, "contest.final") : nfc(list.title());
            centred(doc, text(locale, "contest.docx.type").toUpperCase(Locale.ROOT), 14, true, 240);
            centred(doc, text(locale, "contest.docx.summary", what, nfc(list.contestTitle())), 14, true, 0);
            XWPFParagraph intro = doc.createParagraph();
            intro.setAlignment(ParagraphAlignment.BOTH);
            intro.setIndentationFirstLine(720);
            intro.setSpacingBefore(240);
            run(intro, text(locale, "contest.docx.intro", nfc(organiser), what, nfc(list.contestTitle()),
                    list.people().size()), 14, false, false);
            table(doc, List.of(text(locale, "contest.xlsx.place"), text(locale, "contest.xlsx.name"),
                            text(locale, "contest.xlsx.unit"), text(locale, "contest.xlsx.correct"),
                            text(locale, "contest.xlsx.gap"), text(locale, "contest.xlsx.seconds")),
                    list.people().stream().map(p -> List.of(Integer.toString(p.place()), nfc(p.name()),
                            nfc(p.unitName()), p.correct() + "/" + p.questionCount(),
                            p.predictionGap() == null ? "—" : Long.toString(p.predictionGap()),
                            String.format(Locale.ROOT, "%.1f", p.durationMs() / 1000.0).replace('.', ','))).toList());
            if (list.roundId() == null && !list.units().isEmpty()) {
                XWPFParagraph units = doc.createParagraph();
                units.setSpacingBefore(240);
                units.setIndentationFirstLine(720);
                run(units, text(locale, "contest.docx.units", list.units().size()), 14, false, false);
                int[] place = {0};
                table(doc, List.of(text(locale, "contest.xlsx.place"), text(locale, "contest.xlsx.unit"),
                                text(locale, "contest.xlsx.participants"), text(locale, "contest.xlsx.perThousand")),
                        list.units().stream().map((UnitStanding u) -> List.of(Integer.toString(++place[0]),
                                nfc(u.unitName()), Long.toString(u.participants()),
                                u.perThousand() == null ? "—" : u.perThousand().toString().replace('.', ','))).toList());
            }
            XWPFParagraph closing = doc.createParagraph();
            closing.setAlignment(ParagraphAlignment.BOTH);
            closing.setIndentationFirstLine(720);
            closing.setSpacingBefore(240);
            run(closing, text(locale, "contest.docx.closing", nfc(organiser)), 14, false, false);
            signature(doc, nfc(organiser), locale);
            doc.getProperties().getCoreProperties().setTitle(what + " — " + nfc(list.contestTitle()));
            doc.getProperties().getCoreProperties().setCreator(nfc(organiser));
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void page(XWPFDocument doc) {
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

    /** The organiser on the left, the national heading and the place and date on the right, borderless. */
    private void heading(XWPFDocument doc, String organiser, Locale locale) {
        XWPFTable t = doc.createTable(1, 2);
        t.removeBorders();
        width(t.getRow(0).getCell(0), 3686);
        width(t.getRow(0).getCell(1), TEXT_W - 3686);
        XWPFTableCell left = t.getRow(0).getCell(0);
        run(left.getParagraphs().get(0), organiser.toUpperCase(Locale.ROOT), 12, true, false);
        left.getParagraphs().get(0).setAlignment(ParagraphAlignment.CENTER);
        XWPFTableCell right = t.getRow(0).getCell(1);
        XWPFParagraph nation = right.getParagraphs().get(0);
        nation.setAlignment(ParagraphAlignment.CENTER);
        run(nation, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, true, false);
        XWPFParagraph motto = right.addParagraph();
        motto.setAlignment(ParagraphAlignment.CENTER);
        run(motto, "Độc lập - Tự do - Hạnh phúc", 13, true, false).setUnderline(UnderlinePatterns.SINGLE);
        XWPFParagraph date = right.addParagraph();
        date.setAlignment(ParagraphAlignment.CENTER);
        date.setSpacingBefore(120);
        LocalDate today = LocalDate.now(VIETNAM);
        run(date, text(locale, "contest.docx.date", today.getDayOfMonth(), today.getMonthValue(), today.getYear()), 14,
                false, true);
    }

    private static void table(XWPFDocument doc, List<String> headers, List<List<String>> rows) {
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

    private void signature(XWPFDocument doc, String organiser, Locale locale) {
        XWPFTable t = doc.createTable(1, 2);
        t.removeBorders();
        width(t.getRow(0).getCell(0), 4536);
        width(t.getRow(0).getCell(1), TEXT_W - 4536);
        XWPFParagraph label = t.getRow(0).getCell(0).getParagraphs().get(0);
        run(label, text(locale, "contest.docx.recipients"), 12, true, true);
        for (String line : text(locale, "contest.docx.recipientsList").split("\n")) {
            run(t.getRow(0).getCell(0).addParagraph(), line, 11, false, false);
        }
        XWPFParagraph who = t.getRow(0).getCell(1).getParagraphs().get(0);
        who.setAlignment(ParagraphAlignment.CENTER);
        run(who, organiser.toUpperCase(Locale.ROOT), 13, true, false);
        XWPFParagraph sign = t.getRow(0).getCell(1).addParagraph();
        sign.setAlignment(ParagraphAlignment.CENTER);
        sign.setSpacingAfter(1701); // room for the signature and the seal
        run(sign, text(locale, "contest.docx.sign"), 13, false, true);
    }

    private static void centred(XWPFDocument doc, String text, int size, boolean bold, int before) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingBefore(before);
        run(p, text, size, bold, false);
    }

    private static XWPFRun run(XWPFParagraph p, String text, int size, boolean bold, boolean italic) {
        XWPFRun r = p.createRun();
        r.setText(text == null ? "" : text);
        r.setFontFamily(FONT);
        r.setFontSize(size);
        r.setBold(bold);
        r.setItalic(italic);
        return r;
    }

    /** Word shows decomposed Vietnamese marks apart from their letters in some fonts: composed forms only. */
    private static String nfc(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
