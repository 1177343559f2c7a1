package vn.binhdan.emulation.web;

import static vn.binhdan.shared.docx.OfficialDocx.centred;
import static vn.binhdan.shared.docx.OfficialDocx.nation;
import static vn.binhdan.shared.docx.OfficialDocx.nfc;
import static vn.binhdan.shared.docx.OfficialDocx.page;
import static vn.binhdan.shared.docx.OfficialDocx.run;
import static vn.binhdan.shared.docx.OfficialDocx.table;
import static vn.binhdan.shared.docx.OfficialDocx.twoColumns;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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
import vn.binhdan.emulation.Proposal;
import vn.binhdan.emulation.ProposalLetter;
import vn.binhdan.shared.docx.OfficialDocx;

/**
 * A unit's proposal letter (tờ trình) with its list, as a Word document the office edits, signs
 * and sends up: Times New Roman on A4 with the margins, the issuer and national heading, the
 * document type and summary, and the signature block and recipients of Decree 30/2020/NĐ-CP; the
 * list of units and persons proposed follows as its annex. The number is left blank for the
 * clerk who registers it. Always Vietnamese: it is an official document.
 */
@Component
class ProposalLetterDocx {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Locale VI = Locale.forLanguageTag("vi");

    private final MessageSource messages;

    ProposalLetterDocx(MessageSource messages) {
        this.messages = messages;
    }

    static ResponseEntity<byte[]> download(byte[] body, ProposalLetter letter) {
        return ResponseEntity.ok().contentType(OfficialDocx.DOCX)
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
            OfficialDocx.paragraph(doc, text("emulation.letter.basis", nfc(letter.campaignTitle())), 120);
            OfficialDocx.paragraph(doc, text("emulation.letter.body", text("emulation.letter.issuer", issuer),
                    letter.units(), letter.persons(), nfc(letter.campaignUnitName())), 120);
            OfficialDocx.paragraph(doc, text("emulation.letter.closing", nfc(letter.campaignUnitName())), 120);
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

    /** The issuer and the blank number on the left; the national heading, place and date on the right. */
    private void heading(XWPFDocument doc, String issuer) {
        XWPFTable t = twoColumns(doc, 3686);
        XWPFTableCell left = t.getRow(0).getCell(0);
        XWPFParagraph body = left.getParagraphs().get(0);
        body.setAlignment(ParagraphAlignment.CENTER);
        run(body, issuer.toUpperCase(VI), 12, true, false);
        XWPFParagraph number = left.addParagraph();
        number.setAlignment(ParagraphAlignment.CENTER);
        number.setSpacingBefore(120);
        run(number, text("emulation.letter.number"), 13, false, false);
        LocalDate today = LocalDate.now(VIETNAM);
        nation(t.getRow(0).getCell(1), text("emulation.letter.date", today.getDayOfMonth(), today.getMonthValue(),
                Integer.toString(today.getYear())));
    }

    private void signature(XWPFDocument doc) {
        XWPFTable t = twoColumns(doc, 4536);
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

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, VI);
    }
}
