package vn.binhdan.reporting.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.util.Matrix;
import vn.binhdan.reporting.internal.AdministrativeReport.Cell;
import vn.binhdan.reporting.internal.AdministrativeReport.Section;
import vn.binhdan.reporting.internal.AdministrativeReport.Table;
import vn.binhdan.shared.pdf.PdfKit;

/**
 * The report as a PDF to publish or attach to an e-mail, laid out like the DOCX (Decree
 * 30/2020/NĐ-CP: A4, the heading, the numbered sections, the tables, "Nơi nhận" beside the
 * signature). Create one and reuse it from any number of threads: the font files are read once,
 * and every {@link #render} builds its own document.
 *
 * <p>The text is Liberation Serif (Times New Roman's metrics, as the decree asks), embedded so
 * that Vietnamese prints the same on every reader and printer. Only the regular and bold faces
 * ship, so the decree's italics (place and date, "Nơi nhận") are the upright letters slanted; a
 * character the fonts lack prints as "?".
 *
 * <p>Tables break across pages with their header row repeated (an artifact after the first page,
 * so a screen reader reads it once). The document is tagged (headings, paragraphs, tables with
 * column headers, the recipient list) and declares Vietnamese as its language. The output is a
 * pure function of the report: no clock, no random document ID.
 */
public final class AdministrativeReportPdf {


    private static final float MM = 72f / 25.4f;
    private static final float PAGE_W = PDRectangle.A4.getWidth();
    private static final float PAGE_H = PDRectangle.A4.getHeight();
    private static final float MARGIN_TOP = 20 * MM;
    private static final float MARGIN_BOTTOM = 20 * MM;
    private static final float MARGIN_LEFT = 30 * MM;
    private static final float MARGIN_RIGHT = 15 * MM;
    private static final float TEXT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT;

    private static final float HEAD_LEFT = 65 * MM;
    private static final float CLOSING_LEFT = 80 * MM;
    private static final float FIRST_LINE_INDENT = 12.7f * MM;
    private static final float GAP = 6;
    private static final float SIGNATURE_ROOM = 30 * MM;
    /** tan 12°: the slant that stands in for an italic face. */
    private static final float OBLIQUE = 0.21f;
    private static final float LEADING = 1.3f;
    private static final float CELL_PAD_X = 4;
    private static final float CELL_PAD_Y = 2.5f;
    private static final float RULE = 0.75f;
    private static final float GRID = 0.5f;

    // points; Noto Sans sets wider than Times New Roman, so the DOCX's 14 pt body is 13 here
    private static final float BODY = 13;
    private static final float HEAD = 12;
    private static final float MOTTO = 13;
    private static final float TITLE = 14;
    private static final float TABLE = 10.5f;
    private static final float RECIPIENTS_LABEL = 12;
    private static final float RECIPIENTS = 11;
    private static final float PAGE_NUMBER = 12;

    private final byte[] regular;
    private final byte[] bold;

    public AdministrativeReportPdf() {
        // Decree 30/2020 asks for Times New Roman; Liberation Serif has its metrics and Vietnamese
        // letters, and its licence (SIL OFL) lets it be embedded
        this.regular = PdfKit.fontFile("LiberationSerif-Regular.ttf");
        this.bold = PdfKit.fontFile("LiberationSerif-Bold.ttf");
    }

    public byte[] render(AdministrativeReport r) {
        try (PDDocument doc = new PDDocument()) {
            Fonts fonts = new Fonts(PdfKit.embed(doc, regular), PdfKit.embed(doc, bold));
            Flow flow = new Flow(doc, fonts);
            heading(flow, r);
            title(flow, r);
            Closing closing = closing(fonts, r);
            List<Section> sections = r.sections();
            for (int i = 0; i < sections.size(); i++) {
                // the signature must not stand alone on a page: the body's last lines go with it
                float tail = i == sections.size() - 1 ? GAP + closing.height() : 0;
                section(flow, sections.get(i), i + 1, tail);
            }
            closing.draw(flow);
            flow.finish();
            describe(doc, r);
            ByteArrayOutputStream out = new ByteArrayOutputStream(128 * 1024);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render report " + r.number(), e);
        }
    }

    // ------------------------------------------------------------------------------- heading

    /** Bodies and number on the left, national heading and place-date on the right. */
    private static void heading(Flow f, AdministrativeReport r) throws IOException {
        Fonts fonts = f.fonts;
        float rightW = TEXT_W - HEAD_LEFT;
        float leftCx = MARGIN_LEFT + HEAD_LEFT / 2;
        float rightCx = MARGIN_LEFT + HEAD_LEFT + rightW / 2;
        float top = f.y;

        float left = top;
        Block governing = fit(ReportFormat.upper(r.governingBody()), fonts.regular, HEAD, 9, HEAD_LEFT, 2, true);
        left = f.centred(StandardStructureTypes.P, governing, leftCx, left);
        Block issuing = fit(ReportFormat.upper(r.issuingBody()), fonts.bold, HEAD, 9, HEAD_LEFT, 3, true);
        left = f.centred(StandardStructureTypes.P, issuing, leftCx, left);
        if (!issuing.isEmpty()) {
            // a third to a half of the name's width, centred under it
            left = f.rule(leftCx, 0.4f * issuing.maxWidth(), left) - GAP;
        }

        float right = top;
        Block nation = fit("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", fonts.bold, HEAD, 8, rightW, 1, false);
        right = f.centred(StandardStructureTypes.P, nation, rightCx, right);
        Block motto = fit("Độc lập - Tự do - Hạnh phúc", fonts.bold, MOTTO, 8, rightW, 1, false);
        right = f.centred(StandardStructureTypes.P, motto, rightCx, right);
        // as long as the motto itself
        right = f.rule(rightCx, motto.maxWidth(), right) - GAP;

        float row = Math.min(left, right);
        Block number = fit("Số: " + ReportFormat.nfc(r.number()), fonts.regular, BODY, 9, HEAD_LEFT, 2, false);
        float numberBottom = f.centred(StandardStructureTypes.P, number, leftCx, row);
        Block date = fit(ReportFormat.placeAndDate(r.place(), r.date()), fonts.regular, BODY, 9, rightW, 2, true)
                .slanted();
        float dateBottom = f.centred(StandardStructureTypes.P, date, rightCx, row);
        f.y = Math.min(numberBottom, dateBottom);
    }

    /** "BÁO CÁO", the summary under it and a short rule. */
    private static void title(Flow f, AdministrativeReport r) throws IOException {
        float cx = MARGIN_LEFT + TEXT_W / 2;
        f.y -= 3 * GAP;
        PDStructureElement h1 = f.element(StandardStructureTypes.H1);
        Block type = fit(ReportFormat.upper(r.documentType()), f.fonts.bold, TITLE, 10, TEXT_W, 2, true);
        f.y = f.lines(h1, type, cx, f.y);
        Block summary = fit(ReportFormat.nfc(r.summary()), f.fonts.bold, BODY, BODY, TEXT_W * 0.85f, 99, true);
        f.y = f.lines(h1, summary, cx, f.y);
        if (!summary.isEmpty()) {
            f.y = f.rule(cx, 0.4f * summary.maxWidth(), f.y);
        }
        f.y -= 3 * GAP;
    }

    // ---------------------------------------------------------------------------------- body

    /** {@code tail}: the room what follows needs on the page of the section's last lines. */
    private static void section(Flow f, Section section, int number, float tail) throws IOException {
        Style heading = new Style(f.fonts.bold, BODY, false);
        Style body = new Style(f.fonts.regular, BODY, false);
        String headingText = ReportFormat.roman(number) + ". " + ReportFormat.upper(section.heading());
        List<String> lines = wrap(printable(headingText, heading.font), heading, TEXT_W - FIRST_LINE_INDENT, TEXT_W);
        // a heading stays with the first lines of what it heads
        f.need(lines.size() * heading.leading() + 2 * body.leading());
        f.paragraph(f.element(StandardStructureTypes.H2), heading, lines, false, 0);
        List<String> paragraphs = section.paragraphs();
        for (int i = 0; i < paragraphs.size(); i++) {
            boolean last = i == paragraphs.size() - 1 && section.tables().isEmpty();
            String printable = printable(ReportFormat.nfc(paragraphs.get(i)), body.font);
            f.paragraph(f.element(StandardStructureTypes.P), body,
                    wrap(printable, body, TEXT_W - FIRST_LINE_INDENT, TEXT_W), true, last ? tail : 0);
        }
        for (Table table : section.tables()) {
            table(f, table);
        }
    }

    private static void table(Flow f, Table table) throws IOException {
        Style regular = new Style(f.fonts.regular, TABLE, false);
        Style bold = new Style(f.fonts.bold, TABLE, false);
        int columns = table.headers().size();
        double[] shares = ReportFormat.columnWidths(table, TEXT_W, 2 * CELL_PAD_X,
                s -> width(bold.font, TABLE, printable(s, bold.font)));
        float[] widths = new float[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = (float) shares[c];
        }

        List<CellText> header = new ArrayList<>(columns);
        for (int c = 0; c < columns; c++) {
            header.add(cellText(table.headers().get(c), bold, widths[c], Align.CENTRE));
        }
        List<List<CellText>> rows = new ArrayList<>(table.rows().size());
        for (List<Cell> row : table.rows()) {
            List<CellText> texts = new ArrayList<>(columns);
            for (int c = 0; c < columns; c++) {
                Cell cell = row.get(c);
                Align align = ReportFormat.alignsRight(cell) ? Align.RIGHT
                        : cell instanceof Cell.Missing ? Align.CENTRE : Align.LEFT;
                texts.add(cellText(ReportFormat.cell(cell), cell.bold() ? bold : regular, widths[c], align));
            }
            rows.add(texts);
        }

        Style captionStyle = new Style(f.fonts.bold, HEAD, false);
        String captionText = printable(ReportFormat.nfc(table.caption()), captionStyle.font);
        List<String> caption = captionText.isEmpty() ? List.of() : wrap(captionText, captionStyle, TEXT_W, TEXT_W);
        float captionH = caption.size() * captionStyle.leading() + (caption.isEmpty() ? 0 : GAP / 2);
        float firstRow = rows.isEmpty() ? 0 : rowHeight(rows.get(0));

        f.y -= GAP / 2;
        f.need(captionH + rowHeight(header) + firstRow);
        PDStructureElement element = f.element(StandardStructureTypes.TABLE);
        if (!caption.isEmpty()) {
            PDStructureElement captionElement = f.child(element, StandardStructureTypes.CAPTION);
            f.y = f.lines(captionElement, new Block(caption, captionStyle), MARGIN_LEFT + TEXT_W / 2, f.y) - GAP / 2;
        }
        f.row(f.child(element, StandardStructureTypes.TR), StandardStructureTypes.TH, header, widths);
        for (List<CellText> row : rows) {
            if (!f.fits(rowHeight(row))) {
                f.newPage();
                f.row(null, StandardStructureTypes.TH, header, widths);
            }
            f.row(f.child(element, StandardStructureTypes.TR), StandardStructureTypes.TD, row, widths);
        }
        f.y -= 2 * GAP;
    }

    private static CellText cellText(String raw, Style style, float width, Align align) {
        String text = printable(ReportFormat.nfc(raw), style.font);
        float inner = width - 2 * CELL_PAD_X;
        return new CellText(text.isEmpty() ? List.of() : wrap(text, style, inner, inner), style, align);
    }

    private static float rowHeight(List<CellText> row) {
        float lines = 1;
        for (CellText cell : row) {
            lines = Math.max(lines, cell.lines.size());
        }
        return lines * row.get(0).style.leading() + 2 * CELL_PAD_Y;
    }

    // ------------------------------------------------------------------------------- closing

    /** "Nơi nhận:" and its list on the left, the signer's block on the right, kept on one page. */
    private record Closing(Block label, List<Block> recipients, float hang, Block authority, Block position,
            Block name) {

        float height() {
            float left = label.height();
            for (Block recipient : recipients) {
                left += recipient.height();
            }
            return Math.max(left, authority.height() + position.height() + SIGNATURE_ROOM + name.height());
        }

        void draw(Flow f) throws IOException {
            float rightW = TEXT_W - CLOSING_LEFT;
            float rightCx = MARGIN_LEFT + CLOSING_LEFT + rightW / 2;
            f.y -= GAP;
            f.need(height());
            float top = f.y;

            float y = f.lines(f.element(StandardStructureTypes.P), label, MARGIN_LEFT, top, Align.LEFT);
            PDStructureElement list = f.element(StandardStructureTypes.L);
            for (Block recipient : recipients) {
                PDStructureElement body = f.child(f.child(list, StandardStructureTypes.LI),
                        StandardStructureTypes.L_BODY);
                for (int i = 0; i < recipient.lines.size(); i++) {
                    Block line = new Block(List.of(recipient.lines.get(i)), recipient.style);
                    y = f.lines(body, line, MARGIN_LEFT + (i == 0 ? 0 : hang), y, Align.LEFT);
                }
            }

            float right = f.centred(StandardStructureTypes.P, authority, rightCx, top);
            right = f.centred(StandardStructureTypes.P, position, rightCx, right);
            right = f.centred(StandardStructureTypes.P, name, rightCx, right - SIGNATURE_ROOM);
            f.y = Math.min(y, right);
        }
    }

    private static Closing closing(Fonts fonts, AdministrativeReport r) {
        // a gutter between the list and the signer's block
        float leftW = CLOSING_LEFT - 12;
        float rightW = TEXT_W - CLOSING_LEFT;
        Style label = new Style(fonts.bold, RECIPIENTS_LABEL, true);
        Style item = new Style(fonts.regular, RECIPIENTS, false);
        // a recipient's second line starts under its text, not under the dash
        float hang = width(item.font, item.size, "- ");
        List<Block> recipients = new ArrayList<>();
        for (String line : ReportFormat.recipientLines(r.recipients())) {
            recipients.add(new Block(wrap(printable(line, item.font), item, leftW, leftW - hang), item));
        }
        return new Closing(
                new Block(List.of("Nơi nhận:"), label),
                recipients,
                hang,
                fit(ReportFormat.upper(r.signerAuthority()), fonts.bold, BODY, 9, rightW, 2, true),
                fit(ReportFormat.upper(r.signerPosition()), fonts.bold, BODY, 9, rightW, 2, true),
                fit(ReportFormat.nfc(r.signerName()), fonts.bold, BODY, 9, rightW, 2, true));
    }

    // -------------------------------------------------------------------------------- layout

    private enum Align { LEFT, CENTRE, RIGHT }

    private record Fonts(PDFont regular, PDFont bold) {
    }

    /** A font at a size; {@code italic} slants it, the fonts having no italic face. */
    private record Style(PDFont font, float size, boolean italic) {

        float leading() {
            return size * LEADING;
        }
    }

    /** Lines already broken to fit, all in one style. */
    private record Block(List<String> lines, Style style) {

        boolean isEmpty() {
            return lines.isEmpty();
        }

        float height() {
            return lines.size() * style.leading();
        }

        float maxWidth() {
            float max = 0;
            for (String line : lines) {
                max = Math.max(max, width(style.font, style.size, line));
            }
            return max;
        }

        Block slanted() {
            return new Block(lines, new Style(style.font, style.size, true));
        }
    }

    private record CellText(List<String> lines, Style style, Align align) {
    }

    /**
     * The text at the preferred size, or smaller down to {@code min} if it needs more than
     * {@code maxLines} lines; {@code balanced} evens out the lines of a centred text.
     */
    private static Block fit(String raw, PDFont font, float preferred, float min, float maxWidth, int maxLines,
            boolean balanced) {
        String text = printable(raw, font);
        if (text.isEmpty()) {
            return new Block(List.of(), new Style(font, preferred, false));
        }
        float size = preferred;
        List<String> lines = wrap(text, new Style(font, size, false), maxWidth, maxWidth);
        while (lines.size() > maxLines && size - 0.5f >= min) {
            size -= 0.5f;
            lines = wrap(text, new Style(font, size, false), maxWidth, maxWidth);
        }
        Style style = new Style(font, size, false);
        return new Block(balanced ? balance(text, style, maxWidth, lines) : lines, style);
    }

    /** The narrowest width that still needs no more lines: centred lines of about equal length. */
    private static List<String> balance(String text, Style style, float maxWidth, List<String> greedy) {
        return PdfKit.balance(greedy, maxWidth, w -> wrap(text, style, w, w), l -> width(style.font, style.size, l));
    }

    /** Greedy word wrap; a word wider than a whole line is cut where it must be. */
    private static List<String> wrap(String text, Style style, float firstWidth, float otherWidth) {
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            float max = lines.isEmpty() ? firstWidth : otherWidth;
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(style.font, style.size, candidate) <= max) {
                line = candidate;
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line);
                max = otherWidth;
            }
            while (width(style.font, style.size, word) > max && word.codePointCount(0, word.length()) > 1) {
                int cut = word.offsetByCodePoints(0, 1);
                while (cut < word.length()) {
                    int next = word.offsetByCodePoints(cut, 1);
                    if (width(style.font, style.size, word.substring(0, next)) > max) {
                        break;
                    }
                    cut = next;
                }
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
                max = otherWidth;
            }
            line = word;
        }
        if (!line.isEmpty()) {
            lines.add(line);
        }
        return lines;
    }

    private static float width(PDFont font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String printable(String raw, PDFont font) {
        return vn.binhdan.shared.pdf.PdfKit.printable(ReportFormat.nfc(raw), font);
    }

    // ------------------------------------------------------------------------------ document

    private static void describe(PDDocument doc, AdministrativeReport r) {
        String title = (ReportFormat.upper(r.documentType()) + " " + ReportFormat.nfc(r.summary())).strip();
        doc.getDocumentInformation().setTitle(title);
        doc.getDocumentInformation().setAuthor(ReportFormat.nfc(r.issuingBody()));
        PdfKit.vietnamese(doc, r.toString());
    }

    // --------------------------------------------------------------------- pages and tagging

    @FunctionalInterface
    private interface Drawing {
        void draw() throws IOException;
    }

    /**
     * Pages filled top to bottom, with the logical structure built alongside: every piece of
     * content is either inside a structure element (by marked-content ID, on whatever page it
     * landed) or marked as an artifact.
     */
    private static final class Flow {

        private final PDDocument doc;
        private final Fonts fonts;
        private final PDStructureTreeRoot root = new PDStructureTreeRoot();
        private final PDStructureElement document;
        /** For each page, the structure element of each marked-content ID on it. */
        private final List<List<PDStructureElement>> marked = new ArrayList<>();
        private PDPage page;
        private PDPageContentStream cs;
        /** The top of the next line. */
        private float y;

        Flow(PDDocument doc, Fonts fonts) throws IOException {
            this.doc = doc;
            this.fonts = fonts;
            PDDocumentCatalog catalog = doc.getDocumentCatalog();
            catalog.setStructureTreeRoot(root);
            PDMarkInfo markInfo = new PDMarkInfo();
            markInfo.setMarked(true);
            catalog.setMarkInfo(markInfo);
            this.document = new PDStructureElement(StandardStructureTypes.DOCUMENT, root);
            root.appendKid(document);
            newPage();
        }

        void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            int index = marked.size();
            page.setStructParents(index);
            marked.add(new ArrayList<>());
            cs = new PDPageContentStream(doc, page);
            y = PAGE_H - MARGIN_TOP;
            if (index > 0) {
                // the decree numbers pages from the second, at the top centre
                String number = Integer.toString(index + 1);
                float x = MARGIN_LEFT + (TEXT_W - width(fonts.regular, PAGE_NUMBER, number)) / 2;
                artifact(() -> show(new Style(fonts.regular, PAGE_NUMBER, false), x, PAGE_H - 10 * MM - PAGE_NUMBER,
                        number));
            }
        }

        boolean fits(float height) {
            return y - height >= MARGIN_BOTTOM - 0.01f;
        }

        /** Starts a new page unless {@code height} fits on this one (or this one is still empty). */
        void need(float height) throws IOException {
            if (!fits(height) && y < PAGE_H - MARGIN_TOP) {
                newPage();
            }
        }

        PDStructureElement element(String type) {
            return child(document, type);
        }

        PDStructureElement child(PDStructureElement parent, String type) {
            PDStructureElement element = new PDStructureElement(type, parent);
            parent.appendKid(element);
            return element;
        }

        void tagged(PDStructureElement element, Drawing drawing) throws IOException {
            List<PDStructureElement> onPage = marked.get(marked.size() - 1);
            int mcid = onPage.size();
            onPage.add(element);
            cs.beginMarkedContent(COSName.getPDFName(element.getStructureType()), mcid);
            cs.saveGraphicsState();
            drawing.draw();
            cs.restoreGraphicsState();
            cs.endMarkedContent();
            PDMarkedContentReference reference = new PDMarkedContentReference();
            reference.setMCID(mcid);
            reference.setPage(page);
            element.appendKid(reference);
        }

        void artifact(Drawing drawing) throws IOException {
            cs.beginMarkedContent(COSName.ARTIFACT);
            cs.saveGraphicsState();
            drawing.draw();
            cs.restoreGraphicsState();
            cs.endMarkedContent();
        }

        /**
         * Centred lines from {@code top} down, as one new structure element of {@code type};
         * returns the bottom of the last line ({@code top} when there is nothing to print).
         */
        float centred(String type, Block block, float cx, float top) throws IOException {
            return block.isEmpty() ? top : lines(element(type), block, cx, top, Align.CENTRE);
        }

        float lines(PDStructureElement element, Block block, float cx, float top) throws IOException {
            return lines(element, block, cx, top, Align.CENTRE);
        }

        /** {@code x} is the centre for {@link Align#CENTRE}, else the left edge. */
        float lines(PDStructureElement element, Block block, float x, float top, Align align) throws IOException {
            float lineTop = top;
            for (String line : block.lines) {
                float left = align == Align.CENTRE ? x - width(block.style.font, block.style.size, line) / 2 : x;
                float baseline = lineTop - block.style.size;
                tagged(element, () -> show(block.style, left, baseline, line));
                lineTop -= block.style.leading();
            }
            return lineTop;
        }

        /**
         * A body paragraph: first line indented, justified but for its last line, page breaks
         * between lines. Its last two lines go to the next page together with {@code tail} points
         * of what follows when that does not fit under them.
         */
        void paragraph(PDStructureElement element, Style style, List<String> lines, boolean justify, float tail)
                throws IOException {
            int keep = Math.min(2, lines.size());
            for (int i = 0; i < lines.size(); i++) {
                if (tail > 0 && i == lines.size() - keep) {
                    need(keep * style.leading() + GAP + tail);
                } else {
                    need(style.leading());
                }
                String line = lines.get(i);
                float x = MARGIN_LEFT + (i == 0 ? FIRST_LINE_INDENT : 0);
                float w = MARGIN_LEFT + TEXT_W - x;
                float baseline = y - style.size;
                boolean spread = justify && i < lines.size() - 1;
                tagged(element, () -> {
                    if (spread) {
                        showJustified(style, x, baseline, line, w);
                    } else {
                        show(style, x, baseline, line);
                    }
                });
                y -= style.leading();
            }
            y -= GAP;
        }

        /** One table row at {@code y}; untagged (an artifact) when {@code row} is null. */
        void row(PDStructureElement row, String cellType, List<CellText> cells, float[] widths) throws IOException {
            float height = rowHeight(cells);
            float top = y;
            float x = MARGIN_LEFT;
            for (int c = 0; c < cells.size(); c++) {
                CellText cell = cells.get(c);
                float left = x;
                float w = widths[c];
                float textTop = top - (height - cell.lines.size() * cell.style.leading()) / 2;
                Drawing text = () -> {
                    float lineTop = textTop;
                    for (String line : cell.lines) {
                        float lw = width(cell.style.font, cell.style.size, line);
                        float lx = switch (cell.align) {
                            case LEFT -> left + CELL_PAD_X;
                            case CENTRE -> left + (w - lw) / 2;
                            case RIGHT -> left + w - CELL_PAD_X - lw;
                        };
                        show(cell.style, lx, lineTop - cell.style.size, line);
                        lineTop -= cell.style.leading();
                    }
                };
                if (row == null) {
                    artifact(text);
                } else {
                    PDStructureElement element = child(row, cellType);
                    if (StandardStructureTypes.TH.equals(cellType)) {
                        PDTableAttributeObject scope = new PDTableAttributeObject();
                        scope.setScope(PDTableAttributeObject.SCOPE_COLUMN);
                        element.addAttribute(scope);
                    }
                    if (!cell.lines.isEmpty()) {
                        tagged(element, text);
                    }
                }
                x += w;
            }
            float bottom = top - height;
            artifact(() -> {
                cs.setLineWidth(GRID);
                float gx = MARGIN_LEFT;
                for (float w : widths) {
                    cs.addRect(gx, bottom, w, height);
                    gx += w;
                }
                cs.stroke();
            });
            y = bottom;
        }

        /** A centred horizontal rule just under {@code top}; returns the space's new bottom. */
        float rule(float cx, float length, float top) throws IOException {
            // clear of the descenders and of the dots under ạ, ọ, ụ, so it does not read as an underline
            float ruleY = top - 3;
            artifact(() -> {
                cs.setLineWidth(RULE);
                cs.moveTo(cx - length / 2, ruleY);
                cs.lineTo(cx + length / 2, ruleY);
                cs.stroke();
            });
            return ruleY - RULE;
        }

        private void show(Style style, float x, float baseline, String text) throws IOException {
            cs.beginText();
            cs.setFont(style.font, style.size);
            cs.setTextMatrix(matrix(style, x, baseline));
            cs.showText(text);
            cs.endText();
        }

        /**
         * Spreads the words to the full width by moving them apart (Type 0 fonts ignore word
         * spacing); the spaces stay in the text so it copies and reads with its spaces.
         */
        private void showJustified(Style style, float x, float baseline, String text, float width)
                throws IOException {
            String[] words = text.split(" ");
            float extra = words.length < 2 ? 0 : (width - width(style.font, style.size, text)) / (words.length - 1);
            if (extra <= 0 || extra > style.size * 1.5f) {
                show(style, x, baseline, text);
                return;
            }
            List<Object> parts = new ArrayList<>();
            for (int i = 0; i < words.length; i++) {
                boolean last = i == words.length - 1;
                parts.add(last ? words[i] : words[i] + " ");
                if (!last) {
                    parts.add(-extra * 1000 / style.size);
                }
            }
            cs.beginText();
            cs.setFont(style.font, style.size);
            cs.setTextMatrix(matrix(style, x, baseline));
            cs.showTextWithPositioning(parts.toArray());
            cs.endText();
        }

        private static Matrix matrix(Style style, float x, float baseline) {
            return style.italic ? new Matrix(1, 0, OBLIQUE, 1, x, baseline) : Matrix.getTranslateInstance(x, baseline);
        }

        void finish() throws IOException {
            cs.close();
            Map<Integer, COSObjectable> parents = new TreeMap<>();
            for (int i = 0; i < marked.size(); i++) {
                COSArray elements = new COSArray();
                for (PDStructureElement element : marked.get(i)) {
                    elements.add(element);
                }
                parents.put(i, new PDParentTreeValue(elements));
            }
            PDNumberTreeNode parentTree = new PDNumberTreeNode(PDParentTreeValue.class);
            parentTree.setNumbers(parents);
            root.setParentTree(parentTree);
            root.setParentTreeNextKey(parents.size());
        }
    }
}
