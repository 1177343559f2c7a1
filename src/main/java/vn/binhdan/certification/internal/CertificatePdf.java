package vn.binhdan.certification.internal;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
import vn.binhdan.shared.pdf.PdfKit;

/**
 * Draws the printable certificate: one A4 landscape page with the national heading, the issuer,
 * the holder, the achievement, the number and a QR code that leads to the public verification
 * page. Spring-free; create one and reuse it from any number of threads (the font files are read
 * once and only ever read afterwards; every {@link #render} builds its own document).
 *
 * <p>Text is drawn with subsets of Noto Sans / Noto Serif embedded, so Vietnamese names print the
 * same on every reader and printer; a character the fonts lack prints as "?" instead of failing.
 * The page is tagged (headings, paragraphs, the QR code as a figure with alternative text, the
 * verification link) and declares Vietnamese as its language, for screen readers.
 *
 * <p>The output is a pure function of the {@link CertificateSheet}: no clock, no random document
 * ID, so the same sheet gives the same bytes.
 */
public final class CertificatePdf {


    // A4 landscape, in PDF points (1/72 inch)
    private static final float PAGE_W = PDRectangle.A4.getHeight();
    private static final float PAGE_H = PDRectangle.A4.getWidth();
    private static final float MARGIN = 58;
    private static final float CONTENT_W = PAGE_W - 2 * MARGIN;

    /** Width of the QR symbol itself (the quiet zone comes on top), well above the 30 mm asked. */
    private static final float QR_SYMBOL_MM = 32;
    private static final int QR_QUIET_MODULES = 4;
    private static final float QR_SYMBOL = QR_SYMBOL_MM / 25.4f * 72;
    private static final float QR_RIGHT = PAGE_W - 66;
    private static final float QR_BOTTOM = 88;
    /** The column the QR label and the printed URL may use, right of the date. */
    private static final float RIGHT_COL_W = 240;
    private static final float RIGHT_COL_RIGHT = PAGE_W - 48;

    private static final float TITLE_BASELINE = PAGE_H - 160;
    private static final float DATE_BASELINE = 200;

    private static final Color ACCENT = new Color(0x9B, 0x1B, 0x23);
    private static final Color INK = new Color(0x1A, 0x1A, 0x1A);
    private static final Color MUTED = new Color(0x44, 0x44, 0x44);

    private final byte[] sansRegular;
    private final byte[] sansBold;
    private final byte[] serifBold;

    public CertificatePdf() {
        this.sansRegular = PdfKit.fontFile("NotoSans-Regular.ttf");
        this.sansBold = PdfKit.fontFile("NotoSans-Bold.ttf");
        this.serifBold = PdfKit.fontFile("NotoSerif-Bold.ttf");
    }

    /** The certificate as a PDF file. */
    public byte[] render(CertificateSheet sheet) {
        try (PDDocument doc = new PDDocument()) {
            Fonts fonts = new Fonts(PdfKit.embed(doc, sansRegular), PdfKit.embed(doc, sansBold), PdfKit.embed(doc, serifBold));
            PDPage page = new PDPage(new PDRectangle(PAGE_W, PAGE_H));
            doc.addPage(page);
            try (Canvas canvas = new Canvas(doc, page)) {
                draw(canvas, fonts, sheet);
            }
            describe(doc, sheet);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render certificate " + sheet.number(), e);
        }
    }

    // ---------------------------------------------------------------------------------- layout

    private static void draw(Canvas c, Fonts f, CertificateSheet s) throws IOException {
        c.artifact(() -> border(c.cs));

        // national heading, centred at the top
        float top = PAGE_H - 70;
        Block country = fit(s.country(), f.bold, 13.5f, 9, CONTENT_W * 0.5f, 1);
        Block motto = fit(s.motto(), f.bold, 13, 9, CONTENT_W * 0.5f, 1);
        float countryBottom = c.centred(StandardStructureTypes.P, country, f.bold, PAGE_W / 2, top, INK);
        float mottoY = countryBottom - motto.size * 1.45f;
        float mottoBottom = c.centred(StandardStructureTypes.P, motto, f.bold, PAGE_W / 2, mottoY, INK);
        float headingHalf = Math.max(country.maxWidth(f.bold), motto.maxWidth(f.bold)) / 2;
        if (!motto.isEmpty()) {
            float w = motto.maxWidth(f.bold);
            c.artifact(() -> rule(c.cs, PAGE_W / 2 - w / 2, PAGE_W / 2 + w / 2, mottoBottom - 6.5f, 0.8f, INK));
        }

        // issuer, top-left, in the room the heading leaves
        float issuerLeft = MARGIN - 14;
        float issuerW = Math.max(140, PAGE_W / 2 - headingHalf - 28 - issuerLeft);
        float issuerX = issuerLeft + issuerW / 2;
        // one line if it reads well; otherwise balanced lines ("ỦY BAN NHÂN DÂN" / "TỈNH ĐẮK LẮK")
        Block issuer = fit(s.issuerName(), f.bold, 12.5f, 10.5f, issuerW, 1);
        if (issuer.lines.size() > 1) {
            issuer = fit(s.issuerName(), f.bold, 12.5f, 8, issuerW, 3);
        }
        float issuerBottom = c.centred(StandardStructureTypes.P, issuer, f.bold, issuerX, top, INK);
        if (!issuer.isEmpty()) {
            float w = Math.min(issuer.maxWidth(f.bold) / 3, 80);
            c.artifact(() -> rule(c.cs, issuerX - w / 2, issuerX + w / 2, issuerBottom - 7, 0.8f, INK));
        }

        // title and holder, centred down the middle: between the heading and the date line, smaller
        // all together if long texts would not fit otherwise
        float ceiling = Math.min(mottoBottom - 6.5f, issuerBottom - 7) - 14;
        float floor = DATE_BASELINE + 13.5f + 14;
        List<Part> parts = List.of(
                new Part(StandardStructureTypes.H1, s.title(), f.serifBold, 38, 20, CONTENT_W, 2, 0, ACCENT),
                new Part(StandardStructureTypes.P, s.subtitle(), f.bold, 16, 10, CONTENT_W - 80, 2, 0.55f, INK),
                new Part(StandardStructureTypes.P, s.holderLabel(), f.regular, 14, 9, CONTENT_W, 1, 1.2f, INK),
                new Part(StandardStructureTypes.P, s.holderName(), f.bold, 28, 12, CONTENT_W - 40, 1, 0.45f, INK),
                new Part(StandardStructureTypes.P, s.birthLine(), f.regular, 14, 9, CONTENT_W, 1, 0.35f, INK),
                new Part(StandardStructureTypes.P, s.achievementLine(), f.regular, 14, 9.5f, CONTENT_W - 90, 3, 0.5f,
                        INK));
        Stack stack = null;
        for (float scale = 1; stack == null || (stack.bottom < floor && scale >= 0.6f); scale -= 0.05f) {
            stack = Stack.layout(parts, scale, ceiling);
        }
        for (int i = 0; i < stack.blocks.size(); i++) {
            Part part = stack.parts.get(i);
            c.centred(part.type, stack.blocks.get(i), part.font, PAGE_W / 2, stack.baselines.get(i), part.color);
        }

        // place and date above the room left for signature and seal, between number and QR code
        float dateRight = RIGHT_COL_RIGHT - RIGHT_COL_W - 16;
        float dateLeft = MARGIN + 230;
        Block date = fit(s.placeAndDate(), f.regular, 13.5f, 8, dateRight - dateLeft, 2);
        c.centred(StandardStructureTypes.P, date, f.regular, (dateLeft + dateRight) / 2, DATE_BASELINE, INK);

        number(c, f, s);
        verification(c, f, s);
    }

    /** "Số hiệu: DLK-2026-000123", label regular and number bold, bottom-left. */
    private static void number(Canvas c, Fonts f, CertificateSheet s) throws IOException {
        String label = printable(s.numberLabel(), f.regular);
        String number = printable(s.number(), f.bold);
        String lead = label.isEmpty() ? "" : label + " ";
        float maxW = 250;
        float size = 12;
        while (size > 7 && width(f.regular, size, lead) + width(f.bold, size, number) > maxW) {
            size -= 0.5f;
        }
        if (lead.isEmpty() && number.isEmpty()) {
            return;
        }
        float x = MARGIN + 4;
        float y = 70;
        float fs = size;
        c.tagged(StandardStructureTypes.P, () -> {
            c.cs.setNonStrokingColor(INK);
            c.cs.beginText();
            c.cs.newLineAtOffset(x, y);
            if (!lead.isEmpty()) {
                c.cs.setFont(f.regular, fs);
                c.cs.showText(lead);
            }
            if (!number.isEmpty()) {
                c.cs.setFont(f.bold, fs);
                c.cs.showText(number);
            }
            c.cs.endText();
        });
    }

    /** QR code bottom-right, the label above it and the URL, small, below it. */
    private static void verification(Canvas c, Fonts f, CertificateSheet s) throws IOException {
        BitMatrix matrix = qr(s.verifyUrl());
        int modules = matrix.getWidth() - 2 * QR_QUIET_MODULES;
        float module = QR_SYMBOL / modules;
        float quiet = QR_QUIET_MODULES * module;
        float qrLeft = QR_RIGHT - QR_SYMBOL;
        float qrCentre = QR_RIGHT - QR_SYMBOL / 2;
        float colLeft = RIGHT_COL_RIGHT - RIGHT_COL_W;

        Block label = fit(s.verifyLabel(), f.regular, 10, 7, RIGHT_COL_W, 2);
        float labelY = QR_BOTTOM + QR_SYMBOL + quiet + 3 + (label.lines.size() - 1) * label.leading();
        c.column(StandardStructureTypes.P, label, f.regular, qrCentre, colLeft, RIGHT_COL_RIGHT, labelY, INK);

        PDStructureElement figure = c.tagged(StandardStructureTypes.Figure, () -> {
            c.cs.setNonStrokingColor(Color.WHITE);
            c.cs.addRect(qrLeft - quiet, QR_BOTTOM - quiet, QR_SYMBOL + 2 * quiet, QR_SYMBOL + 2 * quiet);
            c.cs.fill();
            c.cs.setNonStrokingColor(Color.BLACK);
            float top = QR_BOTTOM + QR_SYMBOL;
            for (int row = 0; row < modules; row++) {
                int col = 0;
                while (col < modules) {
                    if (!matrix.get(col + QR_QUIET_MODULES, row + QR_QUIET_MODULES)) {
                        col++;
                        continue;
                    }
                    int start = col;
                    while (col < modules && matrix.get(col + QR_QUIET_MODULES, row + QR_QUIET_MODULES)) {
                        col++;
                    }
                    c.cs.addRect(qrLeft + start * module, top - (row + 1) * module, (col - start) * module, module);
                }
            }
            c.cs.fill();
        });
        String alt = (normalise(s.verifyLabel()) + " " + normalise(s.verifyUrl())).strip();
        figure.setAlternateDescription(alt);

        Block url = fit(s.verifyUrl(), f.regular, 8, 7, RIGHT_COL_W, 2, false);
        float urlY = QR_BOTTOM - quiet - url.size;
        boolean web = isWebLink(s.verifyUrl());
        PDStructureElement urlElement = c.column(web ? StandardStructureTypes.LINK : StandardStructureTypes.P,
                url, f.regular, qrCentre, colLeft, RIGHT_COL_RIGHT, urlY, MUTED);
        if (web) {
            // the QR code and the printed address open the verification page when tapped on a phone
            float bottom = urlY - (url.lines.size() - 1) * url.leading() - url.size * 0.3f;
            float urlW = url.maxWidth(f.regular);
            float urlLeft = lineX(urlW, qrCentre, colLeft, RIGHT_COL_RIGHT);
            float left = Math.min(qrLeft - quiet, urlLeft);
            float right = Math.max(QR_RIGHT + quiet, urlLeft + urlW);
            PDRectangle area = new PDRectangle(left, bottom, right - left, QR_BOTTOM + QR_SYMBOL + quiet - bottom);
            c.link(urlElement, area, normalise(s.verifyUrl()).strip(), alt);
        }
    }

    /** One centred paragraph of the middle of the page, at its preferred size. */
    private record Part(String type, String text, PDFont font, float size, float min, float width, int maxLines,
            float gapEm, Color color) {
    }

    /** The parts that have text, fitted at one scale, with the baseline of each one's first line. */
    private record Stack(List<Part> parts, List<Block> blocks, List<Float> baselines, float bottom) {

        static Stack layout(List<Part> all, float scale, float ceiling) {
            List<Part> parts = new ArrayList<>();
            List<Block> blocks = new ArrayList<>();
            for (Part part : all) {
                float size = part.size * scale;
                Block block = fit(part.text, part.font, size, Math.min(size, Math.max(7, part.min * scale)),
                        part.width, part.maxLines);
                if (!block.isEmpty()) {
                    parts.add(part);
                    blocks.add(block);
                }
            }
            List<Float> baselines = new ArrayList<>();
            float last = 0;
            for (int i = 0; i < blocks.size(); i++) {
                Block block = blocks.get(i);
                float first = i == 0
                        ? Math.min(TITLE_BASELINE, ceiling - block.size * 0.98f)
                        : next(last, blocks.get(i - 1), block, parts.get(i).gapEm * scale);
                baselines.add(first);
                last = first - (block.lines.size() - 1) * block.leading();
            }
            float bottom = blocks.isEmpty() ? ceiling : last - blocks.getLast().size * 0.3f;
            return new Stack(parts, blocks, baselines, bottom);
        }
    }

    /** Left end of a line of width {@code w} centred on {@code cx} but kept inside [left, right]. */
    private static float lineX(float w, float cx, float left, float right) {
        return Math.max(left, Math.min(cx - w / 2, right - w));
    }

    /** Baseline of the next block: below the previous block's last line by a gap in its font size. */
    private static float next(float lastBaseline, Block previous, Block nextBlock, float gapEm) {
        return lastBaseline - previous.size * 0.3f - nextBlock.size * (0.95f + gapEm);
    }

    private static void border(PDPageContentStream cs) throws IOException {
        cs.setStrokingColor(ACCENT);
        cs.setLineWidth(2.6f);
        cs.addRect(20, 20, PAGE_W - 40, PAGE_H - 40);
        cs.stroke();
        cs.setLineWidth(0.9f);
        cs.addRect(27, 27, PAGE_W - 54, PAGE_H - 54);
        cs.stroke();
    }

    private static void rule(PDPageContentStream cs, float x1, float x2, float y, float width, Color color)
            throws IOException {
        cs.setStrokingColor(color);
        cs.setLineWidth(width);
        cs.moveTo(x1, y);
        cs.lineTo(x2, y);
        cs.stroke();
    }

    // ------------------------------------------------------------------------------------ text

    /** Lines of text at one font size. */
    private record Block(List<String> lines, float size) {

        boolean isEmpty() {
            return lines.isEmpty();
        }

        float leading() {
            return size * 1.38f;
        }

        float maxWidth(PDFont font) {
            float max = 0;
            for (String line : lines) {
                max = Math.max(max, CertificatePdf.width(font, size, line));
            }
            return max;
        }
    }

    /**
     * The largest size from {@code preferred} down to {@code min} at which the text wraps into at
     * most {@code maxLines} lines of {@code maxWidth}; at {@code min} it takes the lines it needs.
     */
    private static Block fit(String raw, PDFont font, float preferred, float min, float maxWidth, int maxLines) {
        return fit(raw, font, preferred, min, maxWidth, maxLines, true);
    }

    /** As above; {@code balanced} false keeps the greedy breaks (a URL breaks best after its last '/'). */
    private static Block fit(String raw, PDFont font, float preferred, float min, float maxWidth, int maxLines,
            boolean balanced) {
        String text = printable(raw, font);
        if (text.isEmpty()) {
            return new Block(List.of(), preferred);
        }
        float size = preferred;
        List<String> lines = wrap(text, font, size, maxWidth);
        while (lines.size() > maxLines && size - 0.5f >= min) {
            size -= 0.5f;
            lines = wrap(text, font, size, maxWidth);
        }
        return new Block(balanced ? balance(text, font, size, maxWidth, lines) : lines, size);
    }

    /**
     * Centred lines look best of about equal length: the narrowest width that still needs no
     * more lines than the greedy wrap at full width.
     */
    private static List<String> balance(String text, PDFont font, float size, float maxWidth, List<String> greedy) {
        return vn.binhdan.shared.pdf.PdfKit.balance(greedy, maxWidth, w -> wrap(text, font, size, w), l -> width(font, size, l));
    }

    /** Greedy word wrap; a word wider than the line (a URL) is broken, after a '/' where possible. */
    private static List<String> wrap(String text, PDFont font, float size, float maxWidth) {
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, size, candidate) <= maxWidth) {
                line = candidate;
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line);
            }
            while (width(font, size, word) > maxWidth) {
                int cut = breakIndex(word, font, size, maxWidth);
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            line = word;
        }
        if (!line.isEmpty()) {
            lines.add(line);
        }
        return lines;
    }

    private static int breakIndex(String word, PDFont font, float size, float maxWidth) {
        int fits = word.offsetByCodePoints(0, 1);
        int i = fits;
        while (i < word.length()) {
            int nextIndex = word.offsetByCodePoints(i, 1);
            if (width(font, size, word.substring(0, nextIndex)) > maxWidth) {
                break;
            }
            fits = nextIndex;
            i = nextIndex;
        }
        // after a path separator if the line stays at least half full, else after other punctuation
        for (String separators : List.of("/", "?&=", "-_.")) {
            for (int j = fits; j > fits / 2; j--) {
                if (separators.indexOf(word.charAt(j - 1)) >= 0) {
                    return j;
                }
            }
        }
        return fits;
    }

    private static float width(PDFont font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String normalise(String raw) {
        return raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFC);
    }

    private static String printable(String raw, PDFont font) {
        return vn.binhdan.shared.pdf.PdfKit.printable(normalise(raw), font);
    }

    // --------------------------------------------------------------------------------- QR code

    private static BitMatrix qr(String url) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, QR_QUIET_MODULES);
        String content = url.strip();
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(content)) {
            // only then: the UTF-8 marker (ECI) confuses some older scanners
            hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        }
        try {
            // size 0: one cell per module, scaled when drawn
            return new QRCodeWriter().encode(content, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("verification URL does not fit in a QR code", e);
        }
    }

    /** A link annotation takes a plain ASCII http(s) address (PDF URIs are 7-bit). */
    private static boolean isWebLink(String url) {
        String u = url.strip().toLowerCase(Locale.ROOT);
        return (u.startsWith("https://") || u.startsWith("http://"))
                && StandardCharsets.US_ASCII.newEncoder().canEncode(u) && u.chars().noneMatch(ch -> ch <= ' ');
    }

    // -------------------------------------------------------------------------------- document

    private static void describe(PDDocument doc, CertificateSheet s) {
        String holder = normalise(s.holderName()).strip();
        String title = normalise(s.title()).strip() + (holder.isEmpty() ? "" : " — " + holder);
        doc.getDocumentInformation().setTitle(title);
        PdfKit.vietnamese(doc, String.join("\u0000", Arrays.asList(s.country(), s.motto(), s.issuerName(),
                s.title(), s.subtitle(), s.holderLabel(), s.holderName(), String.valueOf(s.birthLine()),
                s.achievementLine(), s.placeAndDate(), s.numberLabel(), s.number(), s.verifyLabel(),
                s.verifyUrl())));
    }

    private record Fonts(PDType0Font regular, PDType0Font bold, PDType0Font serifBold) {
    }

    // ------------------------------------------------------------------------- tagged drawing

    @FunctionalInterface
    private interface Drawing {
        void draw() throws IOException;
    }

    /**
     * The page's content stream plus its logical structure: every piece of content is either
     * inside a structure element (with a marked-content ID) or marked as an artifact.
     */
    private static final class Canvas implements AutoCloseable {

        private final PDPage page;
        private final PDPageContentStream cs;
        private final PDStructureTreeRoot root;
        private final PDStructureElement document;
        private final List<PDStructureElement> byMcid = new ArrayList<>();
        private PDStructureElement linkElement;

        Canvas(PDDocument doc, PDPage page) throws IOException {
            this.page = page;
            this.cs = new PDPageContentStream(doc, page);
            PDDocumentCatalog catalog = doc.getDocumentCatalog();
            this.root = new PDStructureTreeRoot();
            catalog.setStructureTreeRoot(root);
            PDMarkInfo markInfo = new PDMarkInfo();
            markInfo.setMarked(true);
            catalog.setMarkInfo(markInfo);
            this.document = new PDStructureElement(StandardStructureTypes.DOCUMENT, root);
            root.appendKid(document);
            page.setStructParents(0);
        }

        void artifact(Drawing drawing) throws IOException {
            cs.beginMarkedContent(COSName.ARTIFACT);
            cs.saveGraphicsState();
            drawing.draw();
            cs.restoreGraphicsState();
            cs.endMarkedContent();
        }

        PDStructureElement tagged(String type, Drawing drawing) throws IOException {
            PDStructureElement element = new PDStructureElement(type, document);
            element.setPage(page);
            document.appendKid(element);
            int mcid = byMcid.size();
            byMcid.add(element);
            COSDictionary properties = new COSDictionary();
            properties.setInt(COSName.MCID, mcid);
            COSName tag = COSName.getPDFName(type);
            cs.beginMarkedContent(tag, PDPropertyList.create(properties));
            cs.saveGraphicsState();
            drawing.draw();
            cs.restoreGraphicsState();
            cs.endMarkedContent();
            element.appendKid(new PDMarkedContent(tag, properties));
            return element;
        }

        /**
         * Draws the lines centred on {@code cx}, the first at {@code y}; returns the last baseline
         * (or {@code y} when there is nothing to draw, so the block keeps its place).
         */
        float centred(String type, Block block, PDFont font, float cx, float y, Color color) throws IOException {
            column(type, block, font, cx, -Float.MAX_VALUE, Float.MAX_VALUE, y, color);
            return block.isEmpty() ? y : y - (block.lines.size() - 1) * block.leading();
        }

        /** Lines centred on {@code cx} but kept inside [left, right]; null when there is nothing to draw. */
        PDStructureElement column(String type, Block block, PDFont font, float cx, float left, float right, float y,
                Color color) throws IOException {
            if (block.isEmpty()) {
                return null;
            }
            return tagged(type, () -> lines(block, font, cx, left, right, y, color));
        }

        private void lines(Block block, PDFont font, float cx, float left, float right, float y, Color color)
                throws IOException {
            cs.setNonStrokingColor(color);
            float baseline = y;
            for (String line : block.lines) {
                float w = width(font, block.size, line);
                float x = lineX(w, cx, left, right);
                cs.beginText();
                cs.setFont(font, block.size);
                cs.newLineAtOffset(x, baseline);
                cs.showText(line);
                cs.endText();
                baseline -= block.leading();
            }
        }

        void link(PDStructureElement element, PDRectangle area, String uri, String description) throws IOException {
            PDAnnotationLink link = new PDAnnotationLink();
            link.setRectangle(area);
            PDActionURI action = new PDActionURI();
            action.setURI(uri);
            link.setAction(action);
            PDBorderStyleDictionary noBorder = new PDBorderStyleDictionary();
            noBorder.setWidth(0);
            link.setBorderStyle(noBorder);
            link.setContents(description);
            link.setStructParent(1);
            link.setPage(page);
            page.getAnnotations().add(link);
            PDObjectReference ref = new PDObjectReference();
            ref.setReferencedObject(link);
            ref.setPage(page);
            element.appendKid(ref);
            page.getCOSObject().setName(COSName.getPDFName("Tabs"), "S");
            this.linkElement = element;
        }

        @Override
        public void close() throws IOException {
            cs.close();
            COSArray marked = new COSArray();
            for (PDStructureElement element : byMcid) {
                marked.add(element);
            }
            Map<Integer, COSObjectable> parents = new java.util.TreeMap<>();
            parents.put(0, new PDParentTreeValue(marked));
            if (linkElement != null) {
                parents.put(1, new PDParentTreeValue(linkElement.getCOSObject()));
            }
            PDNumberTreeNode parentTree = new PDNumberTreeNode(PDParentTreeValue.class);
            parentTree.setNumbers(parents);
            root.setParentTree(parentTree);
            root.setParentTreeNextKey(parents.size());
        }
    }
}
