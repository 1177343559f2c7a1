package vn.binhdan.emulation.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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
import vn.binhdan.emulation.Proposal;
import vn.binhdan.emulation.ProposalLetter;

/**
 * A unit's proposal letter (tờ trình) with its list, as a Word document the office edits, signs
 * and sends up: Times New Roman on A4 with the margins, the issuer and national heading, the
 * document type and summary, and the signature block and recipients of Decree 30/2020/NĐ-CP; the
 * list of units and persons proposed follows as its annex. The number is left blank for the
 * clerk who registers it. Always Vietnamese: it is an official document.
 */
@Component
class ProposalLetterDocx {

    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    private static final String FONT = "Times New Roman";
    private static final int TEXT_W = 11906 - 1701 - 850; // A4 less 30 mm and 15 mm margins, in twips
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Locale VI = Locale.forLanguageTag("vi");

    private final MessageSource messages;

    ProposalLetterDocx(MessageSource messages) {
        this.messages = messages;
    }

    static ResponseEntity<byte[]> download(byte[] body, ProposalLetter letter) {
        return ResponseEntity.ok().contentType(DOCX)
                .header("Content-Disposition", "attachment; filename=\"to-trinh-" + letter.campaignId() + "-"
                        + letter.proposerUnitId() + ".docx\"").body(body);
    }

    byte[] write(ProposalLetter letter) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(doc);
            String issuer = nfc(letter.proposerUnitName());
            heading(doc, text("emulation.letter.issuer", issuer));
            centred(doc, text("emulation.letter.type").toUpperCase(VI), 14, true, 240);
            centred(doc, text("emulation.letter.summary", Integer.toString(letter.year())), 14, true, 0);
            centred(doc, text("emulation.letter.to", nfc(letter.campaignUnitName())), 14, false, 120);
            paragraph(doc, text("emulation.letter.basis", nfc(letter.campaignTitle())));
            paragraph(doc, text("emulation.letter.body", text("emulation.letter.issuer", issuer), letter.units(),
                    letter.persons(), nfc(letter.campaignUnitName())));
            paragraph(doc, text("emulation.letter.closing", nfc(letter.campaignUnitName())));
            signature(doc);

            // the annex: the list, on its own page
            XWPFParagraph annex = doc.createParagraph();
            annex.setPageBreak(true);
            annex.setAlignment(ParagraphAlignment.CENTER);
            run(annex, text("emulation.letter.listTitle").toUpperCase(VI), 14, true, false);
            centred(doc, text("emulation.letter.listSubtitle", issuer), 13, false, 0);
            List<List<String>> rows = new ArrayList<>();
            int n = 0;
            for (Proposal p : letter.proposals()) {
                rows.add(List.of(Integer.toString(++n), nfc(p.candidateName()), text("emulation.kind." + p.kind()),
                        text("emulation.form." + p.rewardForm()), nfc(p.reason())));
            }
            table(doc, List.of(text("emulation.annex.no"), text("emulation.annex.name"), text("emulation.annex.kind"),
                    text("emulation.annex.form"), text("emulation.annex.reason")), rows);
            doc.getProperties().getCoreProperties().setTitle(text("emulation.letter.type") + " — " + issuer);
            doc.getProperties().getCoreProperties().setCreator(issuer);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void page(XWPFDocument doc) {
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT);
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

    /** The issuer and the blank number on the left; the national heading, place and date on the right. */
    private void heading(XWPFDocument doc, String issuer) {
        XWPFTable t = doc.createTable(1, 2);
        t.removeBorders();
        width(t.getRow(0).getCell(0), 3686);
        width(t.getRow(0).getCell(1), TEXT_W - 3686);
        XWPFTableCell left = t.getRow(0).getCell(0);
        XWPFParagraph body = left.getParagraphs().get(0);
        body.setAlignment(ParagraphAlignment.CENTER);
        run(body, issuer.toUpperCase(VI), 12, true, false);
        XWPFParagraph number = left.addParagraph();
        number.setAlignment(ParagraphAlignment.CENTER);
        number.setSpacingBefore(120);
        run(number, text("emulation.letter.number"), 13, false, false);
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
        run(date, text("emulation.letter.date", today.getDayOfMonth(), today.getMonthValue(),
                Integer.toString(today.getYear())), 14, false, true);
    }

    private void signature(XWPFDocument doc) {
        XWPFTable t = doc.createTable(1, 2);
        t.removeBorders();
        width(t.getRow(0).getCell(0), 4536);
        width(t.getRow(0).getCell(1), TEXT_W - 4536);
        XWPFParagraph label = t.getRow(0).getCell(0).getParagraphs().get(0);
        run(label, text("emulation.letter.recipients"), 12, true, true);
        for (String line : text("emulation.letter.recipientsList").split("\\|")) {
            run(t.getRow(0).getCell(0).addParagraph(), "- " + line, 11, false, false);
        }
        XWPFParagraph authority = t.getRow(0).getCell(1).getParagraphs().get(0);
        authority.setAlignment(ParagraphAlignment.CENTER);
        run(authority, text("emulation.letter.authority").toUpperCase(VI), 13, true, false);
        XWPFParagraph position = t.getRow(0).getCell(1).addParagraph();
        position.setAlignment(ParagraphAlignment.CENTER);
        position.setSpacingAfter(1701); // room for the signature and the seal
        run(position, text("emulation.letter.position").toUpperCase(VI), 13, true, false);
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

    private static void paragraph(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setIndentationFirstLine(720);
        p.setSpacingBefore(120);
        run(p, text, 14, false, false);
    }

    private static void centred(XWPFDocument doc, String text, int size, boolean bold, int before) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingBefore(before);
        run(p, text, size, bold, false);
    }

    private static XWPFRun run(XWPFParagraph p, String text, int size, boolean bold, boolean italic) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontFamily(FONT);
        r.setFontSize(size);
        r.setBold(bold);
        r.setItalic(italic);
        return r;
    }

    private static String nfc(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, VI);
    }
}
