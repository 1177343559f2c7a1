package vn.binhdan.shared.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/** What every PDF the platform prints shares: its fonts, its language, and reproducible bytes. */
public final class PdfKit {

    /** Noto subsets with the full Vietnamese repertoire, shipped with the application. */
    public static final String FONT_DIR = "/certification/fonts/";

    private PdfKit() {
    }

    /** A font file's bytes, parsed once here so a broken file fails at start, not on the first render. */
    public static byte[] fontFile(String name) {
        try (InputStream in = PdfKit.class.getResourceAsStream(FONT_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the classpath: " + FONT_DIR + name);
            }
            byte[] bytes = in.readAllBytes();
            new TTFParser().parse(new RandomAccessReadBuffer(bytes)).close();
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + name, e);
        }
    }

    public static PDType0Font embed(PDDocument doc, byte[] ttf) throws IOException {
        // each document parses its own copy: the parsed font and its subsetter are not thread-safe
        return PDType0Font.load(doc, new RandomAccessReadBuffer(ttf), true, false);
    }

    /**
     * Marks the document as Vietnamese, shows its title in the viewer, and derives its ID from
     * {@code content} instead of the clock: the same content gives the same bytes.
     */
    public static void vietnamese(PDDocument doc, String content) {
        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        catalog.setLanguage("vi-VN");
        PDViewerPreferences prefs = new PDViewerPreferences(new COSDictionary());
        prefs.setDisplayDocTitle(true);
        catalog.setViewerPreferences(prefs);
        byte[] id;
        try {
            id = Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        doc.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    /**
     * Text as the font can draw it: whitespace runs as one space, invisible format characters
     * dropped, and a character the font has no glyph for shown as "?" rather than failing the
     * whole document. {@code text} comes already in the caller's normal form (NFC).
     */
    public static String printable(String text, org.apache.pdfbox.pdmodel.font.PDFont font) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                // zero-width joiners, soft hyphens, BOMs: nothing to print
            } else if (hasGlyph(font, cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString().strip();
    }

    private static boolean hasGlyph(org.apache.pdfbox.pdmodel.font.PDFont font, int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    /**
     * Centred lines look best of about equal length: the narrowest width at which {@code wrapAt}
     * still needs no more lines than the greedy wrap at full width ({@code greedy}).
     */
    public static java.util.List<String> balance(java.util.List<String> greedy, float maxWidth,
                                                 java.util.function.Function<Float, java.util.List<String>> wrapAt,
                                                 java.util.function.ToDoubleFunction<String> width) {
        if (greedy.size() < 2) {
            return greedy;
        }
        float low = 0;
        float high = maxWidth;
        java.util.List<String> best = greedy;
        for (int i = 0; i < 12; i++) {
            float mid = (low + high) / 2;
            java.util.List<String> lines = wrapAt.apply(mid);
            if (lines.size() <= greedy.size() && lines.stream().noneMatch(l -> width.applyAsDouble(l) > mid)) {
                high = mid;
                best = lines;
            } else {
                low = mid;
            }
        }
        return best;
    }
}
