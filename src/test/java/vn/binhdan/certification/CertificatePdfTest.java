package vn.binhdan.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.binhdan.certification.internal.CertificatePdf;
import vn.binhdan.certification.internal.CertificateSheet;

/** The printed certificate as its holder and a commune officer see it; no Spring context. */
class CertificatePdfTest {

    private static final String URL = "https://binhdanhocvuso.daklak.gov.vn/xac-minh/DLK-2026-000123";
    private static final float DPI = 150;

    private static CertificatePdf pdf;
    private static byte[] sample;

    @BeforeAll
    static void renderSample() {
        pdf = new CertificatePdf();
        sample = pdf.render(sheet("Nguyễn Thị Lan", "Sinh năm: 1978", URL));
    }

    static CertificateSheet sheet(String holderName, String birthLine, String verifyUrl) {
        return new CertificateSheet(
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK",
                "GIẤY CHỨNG NHẬN",
                "Đạt phổ cập kỹ năng số cơ bản",
                "Chứng nhận Ông/Bà:",
                holderName,
                birthLine,
                "Đã hoàn thành bài đánh giá kỹ năng số cơ bản dành cho người dân, đạt 85/100 điểm.",
                "Đắk Lắk, ngày 22 tháng 11 năm 2026",
                "Số hiệu:",
                "DLK-2026-000123",
                "Quét mã để kiểm tra:",
                verifyUrl);
    }

    @Test
    void printsTheHolderTheIssuerAndTheNumberWithTheirDiacritics() throws IOException {
        String text = text(sample);
        assertThat(text)
                .contains("Nguyễn Thị Lan")
                .contains("ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK")
                .contains("DLK-2026-000123")
                .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
                .contains("Độc lập - Tự do - Hạnh phúc")
                .contains("GIẤY CHỨNG NHẬN")
                .contains("Sinh năm: 1978")
                .contains("Đắk Lắk, ngày 22 tháng 11 năm 2026")
                .contains("Quét mã để kiểm tra:")
                .doesNotContain("?");
        // the achievement may wrap, but none of its words is lost
        assertThat(text.replaceAll("\\s+", " "))
                .contains("Đã hoàn thành bài đánh giá kỹ năng số cơ bản dành cho người dân, đạt 85/100 điểm.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"H'Hen Niê", "Đặng Thị Hường", "Lê Văn Thưởng", "Y Ngọc Êban", "Nguyễn Ngọc Ánh Dương"})
    void vietnameseNamesComeOutAsTheyWentIn(String name) throws IOException {
        assertThat(text(pdf.render(sheet(name, null, URL)))).contains(name);
    }

    @Test
    void decomposedInputIsPrintedAsTheComposedLetters() throws IOException {
        String decomposed = Normalizer.normalize("Đặng Thị Hường", Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo("Đặng Thị Hường");
        assertThat(text(pdf.render(sheet(decomposed, null, URL)))).contains("Đặng Thị Hường");
    }

    @Test
    void everyFontIsEmbeddedSoTheNameDoesNotDependOnTheReader() throws IOException {
        try (PDDocument doc = Loader.loadPDF(sample)) {
            PDPage page = doc.getPage(0);
            List<String> names = new ArrayList<>();
            for (COSName key : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(key);
                names.add(font.getName());
                PDFontDescriptor descriptor = font instanceof PDType0Font type0
                        ? type0.getDescendantFont().getFontDescriptor()
                        : font.getFontDescriptor();
                assertThat(descriptor).as(font.getName()).isNotNull();
                assertThat(descriptor.getFontFile2() != null || descriptor.getFontFile3() != null)
                        .as("%s is embedded", font.getName()).isTrue();
                assertThat(font.isEmbedded()).isTrue();
            }
            assertThat(names).isNotEmpty().allMatch(n -> n.matches("[A-Z]{6}\\+.*"), "subset fonts");
        }
    }

    @Test
    void theQrCodeReadsBackAsTheVerificationUrlAndIsBigEnoughBottomRight() throws Exception {
        BufferedImage image = renderPage(sample);
        Result result = decode(image);
        assertThat(result.getText()).isEqualTo(URL);
        assertThat(result.getBarcodeFormat()).isEqualTo(BarcodeFormat.QR_CODE);

        // ZXing reports the finder pattern centres: bottom-left, top-left, top-right
        ResultPoint[] points = result.getResultPoints();
        ResultPoint topLeft = points[1];
        ResultPoint topRight = points[2];
        assertThat(topLeft.getX()).isGreaterThan(image.getWidth() * 0.75f);
        assertThat(topLeft.getY()).isGreaterThan(image.getHeight() * 0.55f);
        int modules = Encoder.encode(URL, ErrorCorrectionLevel.M, Map.of()).getVersion().getDimensionForVersion();
        double centresPx = ResultPoint.distance(topLeft, topRight);
        double symbolMm = centresPx * modules / (modules - 7) / DPI * 25.4;
        assertThat(symbolMm).isGreaterThanOrEqualTo(30);
        // and the address is printed for those without a camera
        assertThat(text(sample).replaceAll("\\s+", "")).contains(URL);
    }

    @Test
    void aLongAddressStillScansAndIsPrintedWhole() throws Exception {
        String url = URL + "?ma=7f3c9a1e4b2d8f6a0c5e9b3d7a1f4c8e2b6d0a9f3e7c1b5d";
        byte[] bytes = pdf.render(sheet("Nguyễn Thị Lan", null, url));
        assertThat(decode(renderPage(bytes)).getText()).isEqualTo(url);
        assertThat(text(bytes).replaceAll("\\s+", "")).contains(url);
        assertWithinBorder(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Công Tằng Tôn Nữ Hoàng Phương Thảo Nguyễn Đặng Thị Hường Huệ",
            "MẠNH ĐỨC MẠNH ĐỨC MẠNH ĐỨC MẠNH ĐỨC MẠNH ĐỨC MẠNH ĐỨC MẠNH Đ"})
    void aSixtyCharacterNameStaysOnOneLineInsideThePage(String name) throws Exception {
        assertThat(name.codePointCount(0, name.length())).isEqualTo(60);
        byte[] bytes = pdf.render(sheet(name, "Sinh năm: 1950", URL));
        assertThat(text(bytes).lines()).contains(name);
        assertWithinBorder(bytes);
        assertThat(decode(renderPage(bytes)).getText()).isEqualTo(URL);
    }

    @Test
    void theSampleIsWithinTheBorder() throws IOException {
        assertWithinBorder(sample);
        assertNoOverlap(sample);
    }

    @Test
    void longTextsEverywhereShrinkToFitWithoutRunningIntoEachOther() throws Exception {
        CertificateSheet sheet = new CertificateSheet(
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "ỦY BAN NHÂN DÂN XÃ EA KAO, THÀNH PHỐ BUÔN MA THUỘT, TỈNH ĐẮK LẮK",
                "GIẤY CHỨNG NHẬN HOÀN THÀNH CHƯƠNG TRÌNH PHỔ CẬP KỸ NĂNG SỐ CƠ BẢN",
                "Đạt phổ cập kỹ năng số cơ bản dành cho cán bộ, công chức, viên chức, người lao động và người dân",
                "Chứng nhận Ông/Bà:",
                "Công Tằng Tôn Nữ Hoàng Phương Thảo Nguyễn Đặng Thị Hường Huệ Công Tằng Tôn Nữ Hoàng Phương Thảo",
                "Sinh ngày 12 tháng 12 năm 1950 tại xã Ea Kao, thành phố Buôn Ma Thuột, tỉnh Đắk Lắk",
                "Đã hoàn thành bài đánh giá kỹ năng số cơ bản dành cho người dân thuộc nhóm cán bộ, công chức, viên "
                        + "chức tại cơ quan nhà nước cấp xã, đạt 85/100 điểm, xếp loại Giỏi theo khung năng lực số cơ "
                        + "bản do Bộ Khoa học và Công nghệ ban hành năm 2025, và đã tham gia tích cực phong trào Bình "
                        + "dân học vụ số tại địa phương trong suốt năm học 2025-2026.",
                "Xã Ea Kao, thành phố Buôn Ma Thuột, tỉnh Đắk Lắk, ngày 22 tháng 11 năm 2026",
                "Số hiệu:",
                "DLK-2026-000123-BMT-EAKAO",
                "Quét mã QR bằng điện thoại để kiểm tra giấy chứng nhận:",
                URL);
        byte[] bytes = pdf.render(sheet);
        assertWithinBorder(bytes);
        assertNoOverlap(bytes);
        assertThat(decode(renderPage(bytes)).getText()).isEqualTo(URL);
        assertThat(text(bytes)).contains("DLK-2026-000123-BMT-EAKAO");
    }

    @Test
    void charactersTheFontLacksPrintAsAQuestionMarkInsteadOfFailing() throws IOException {
        String name = "Trần Văn 陳 Nam 🙂";
        byte[] bytes = assertDoesNotThrow(name);
        assertThat(text(bytes)).contains("Trần Văn ? Nam ?");
        // invisible characters pasted from elsewhere vanish rather than print as "?"
        assertThat(text(pdf.render(sheet("Lò\u200B Thị\u00AD Hoa\tEm", null, URL)))).contains("Lò Thị Hoa Em");
    }

    @Test
    void emptyTextsAreLeftOutRatherThanFailing() throws Exception {
        byte[] bytes = pdf.render(new CertificateSheet("", "", "", "", "", "", "", null, "", "", "", "", "", URL));
        assertThat(decode(renderPage(bytes)).getText()).isEqualTo(URL);
    }

    private static byte[] assertDoesNotThrow(String name) {
        byte[][] out = new byte[1][];
        assertThatCode(() -> out[0] = pdf.render(sheet(name, null, URL))).doesNotThrowAnyException();
        return out[0];
    }

    @Test
    void isSmall() {
        System.out.printf("certificate PDF: %d bytes (%.1f KB)%n", sample.length, sample.length / 1024.0);
        assertThat(sample.length).isLessThan(120 * 1024);
    }

    @Test
    void declaresVietnameseItsTitleAndItsStructure() throws IOException {
        try (PDDocument doc = Loader.loadPDF(sample)) {
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("vi-VN");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("GIẤY CHỨNG NHẬN — Nguyễn Thị Lan");
            assertThat(doc.getDocumentCatalog().getViewerPreferences().displayDocTitle()).isTrue();
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            PDRectangle box = doc.getPage(0).getMediaBox();
            assertThat(box.getWidth()).isCloseTo(PDRectangle.A4.getHeight(), org.assertj.core.data.Offset.offset(0.5f));
            assertThat(box.getHeight()).isCloseTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(0.5f));

            assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            List<PDStructureElement> elements = new ArrayList<>();
            collect(doc.getDocumentCatalog().getStructureTreeRoot(), elements);
            assertThat(elements).extracting(PDStructureElement::getStructureType)
                    .contains("Document", "H1", "P", "Figure", "Link");
            assertThat(elements).filteredOn(e -> "Figure".equals(e.getStructureType()))
                    .singleElement().extracting(PDStructureElement::getAlternateDescription)
                    .isEqualTo("Quét mã để kiểm tra: " + URL);

            // tapping the code or the address on a phone opens the verification page
            assertThat(doc.getPage(0).getAnnotations()).singleElement()
                    .isInstanceOfSatisfying(PDAnnotationLink.class, link ->
                            assertThat(((PDActionURI) link.getAction()).getURI()).isEqualTo(URL));
        }
    }

    @Test
    void theSameSheetGivesTheSameBytesFromAnyThread() {
        CertificateSheet sheet = sheet("H'Hen Niê", "Sinh năm: 2001", URL);
        byte[] first = pdf.render(sheet);
        assertThat(pdf.render(sheet)).isEqualTo(first);
        List<byte[]> parallel = IntStream.range(0, 8).parallel().mapToObj(i -> pdf.render(sheet)).toList();
        assertThat(parallel).allSatisfy(bytes -> assertThat(bytes).isEqualTo(first));
    }

    // ------------------------------------------------------------------------------- helpers

    private static String text(byte[] bytes) throws IOException {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static BufferedImage renderPage(byte[] bytes) throws IOException {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            return new PDFRenderer(doc).renderImageWithDPI(0, DPI, ImageType.RGB);
        }
    }

    private static Result decode(BufferedImage image) throws Exception {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        return new MultiFormatReader().decode(
                new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))), hints);
    }

    /** Every glyph on the page lies inside the inner border (27 pt from the page edge). */
    private static void assertWithinBorder(byte[] bytes) throws IOException {
        PDRectangle box;
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            box = doc.getPage(0).getMediaBox();
        }
        assertThat(glyphs(bytes)).isNotEmpty().allSatisfy(g -> {
            assertThat(g.getXDirAdj()).as("left of '%s'", g.getUnicode()).isGreaterThan(27);
            assertThat(g.getXDirAdj() + g.getWidthDirAdj()).as("right of '%s'", g.getUnicode())
                    .isLessThan(box.getWidth() - 27);
            assertThat(g.getYDirAdj() - g.getHeightDir()).as("top of '%s'", g.getUnicode()).isGreaterThan(27);
            assertThat(g.getYDirAdj()).as("baseline of '%s'", g.getUnicode()).isLessThan(box.getHeight() - 27);
        });
    }

    /** No two glyphs of the page cover each other (each box shrunk a little: neighbours may touch). */
    private static void assertNoOverlap(byte[] bytes) throws IOException {
        List<TextPosition> glyphs = glyphs(bytes);
        for (int i = 0; i < glyphs.size(); i++) {
            java.awt.geom.Rectangle2D a = box(glyphs.get(i));
            for (int j = i + 1; j < glyphs.size(); j++) {
                java.awt.geom.Rectangle2D b = box(glyphs.get(j));
                assertThat(a.intersects(b)).as("'%s' at %s overlaps '%s' at %s", glyphs.get(i).getUnicode(), a,
                        glyphs.get(j).getUnicode(), b).isFalse();
            }
        }
    }

    private static java.awt.geom.Rectangle2D box(TextPosition g) {
        float w = g.getWidthDirAdj();
        float h = g.getHeightDir();
        return new java.awt.geom.Rectangle2D.Float(g.getXDirAdj() + w * 0.15f, g.getYDirAdj() - h * 0.85f, w * 0.7f,
                h * 0.7f);
    }

    private static List<TextPosition> glyphs(byte[] bytes) throws IOException {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            List<TextPosition> glyphs = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    super.processTextPosition(text);
                    glyphs.add(text);
                }
            };
            stripper.getText(doc);
            return glyphs.stream().filter(g -> !g.getUnicode().isBlank()).toList();
        }
    }

    private static void collect(PDStructureNode node, List<PDStructureElement> out) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                out.add(element);
                collect(element, out);
            }
        }
    }
}
