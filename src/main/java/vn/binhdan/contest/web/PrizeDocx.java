package vn.binhdan.contest.web;

import static vn.binhdan.shared.docx.OfficialDocx.centred;
import static vn.binhdan.shared.docx.OfficialDocx.nation;
import static vn.binhdan.shared.docx.OfficialDocx.nfc;
import static vn.binhdan.shared.docx.OfficialDocx.page;
import static vn.binhdan.shared.docx.OfficialDocx.paragraph;
import static vn.binhdan.shared.docx.OfficialDocx.run;
import static vn.binhdan.shared.docx.OfficialDocx.table;
import static vn.binhdan.shared.docx.OfficialDocx.twoColumns;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import vn.binhdan.contest.PrizeList;
import vn.binhdan.contest.UnitStanding;
import vn.binhdan.shared.docx.OfficialDocx;

/**
 * A prize list as the organiser's announcement (Thông báo), a Word document the office edits,
 * signs and sends: Times New Roman on A4 with the margins, the organiser and national heading
 * and the signature block of Decree 30/2020/NĐ-CP, then the winners' table and, for the final,
 * the collective prizes. Kept apart from reporting's report renderer, which is that module's
 * own; the two share only the decree's layout.
 */
@Component
class PrizeDocx {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final MessageSource messages;

    PrizeDocx(MessageSource messages) {
        this.messages = messages;
    }

    static ResponseEntity<byte[]> download(byte[] body, String name) {
        return ResponseEntity.ok().contentType(OfficialDocx.DOCX)
                .header("Content-Disposition", "attachment; filename=\"" + name + ".docx\"").body(body);
    }

    byte[] write(PrizeList list, String organiser, Locale locale) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(doc);
            heading(doc, nfc(organiser), locale);
            String what = list.roundId() == null ? text(locale, "contest.final") : nfc(list.title());
            centred(doc, text(locale, "contest.docx.type").toUpperCase(Locale.ROOT), 14, true, 240);
            centred(doc, text(locale, "contest.docx.summary", what, nfc(list.contestTitle())), 14, true, 0);
            paragraph(doc, text(locale, "contest.docx.intro", nfc(organiser), what, nfc(list.contestTitle()),
                    list.people().size()), 240);
            table(doc, List.of(text(locale, "contest.xlsx.place"), text(locale, "contest.xlsx.name"),
                            text(locale, "contest.xlsx.unit"), text(locale, "contest.xlsx.correct"),
                            text(locale, "contest.xlsx.gap"), text(locale, "contest.xlsx.seconds")),
                    list.people().stream().map(p -> List.of(Integer.toString(p.place()), nfc(p.name()),
                            nfc(p.unitName()), p.correct() + "/" + p.questionCount(),
                            p.predictionGap() == null ? "—" : Long.toString(p.predictionGap()),
                            String.format(Locale.ROOT, "%.1f", p.durationMs() / 1000.0).replace('.', ','))).toList());
            if (list.roundId() == null && !list.units().isEmpty()) {
                paragraph(doc, text(locale, "contest.docx.units", list.units().size()), 240);
                int[] place = {0};
                table(doc, List.of(text(locale, "contest.xlsx.place"), text(locale, "contest.xlsx.unit"),
                                text(locale, "contest.xlsx.participants"), text(locale, "contest.xlsx.perThousand")),
                        list.units().stream().map((UnitStanding u) -> List.of(Integer.toString(++place[0]),
                                nfc(u.unitName()), Long.toString(u.participants()),
                                u.perThousand() == null ? "—" : u.perThousand().toString().replace('.', ','))).toList());
            }
            paragraph(doc, text(locale, "contest.docx.closing", nfc(organiser)), 240);
            signature(doc, nfc(organiser), locale);
            doc.getProperties().getCoreProperties().setTitle(what + " — " + nfc(list.contestTitle()));
            doc.getProperties().getCoreProperties().setCreator(nfc(organiser));
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The organiser on the left, the national heading and the place and date on the right, borderless. */
    private void heading(XWPFDocument doc, String organiser, Locale locale) {
        XWPFTable t = twoColumns(doc, 3686);
        XWPFTableCell left = t.getRow(0).getCell(0);
        run(left.getParagraphs().get(0), organiser.toUpperCase(Locale.ROOT), 12, true, false);
        left.getParagraphs().get(0).setAlignment(ParagraphAlignment.CENTER);
        LocalDate today = LocalDate.now(VIETNAM);
        nation(t.getRow(0).getCell(1), text(locale, "contest.docx.date", today.getDayOfMonth(), today.getMonthValue(),
                today.getYear()));
    }

    private void signature(XWPFDocument doc, String organiser, Locale locale) {
        XWPFTable t = twoColumns(doc, 4536);
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

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
