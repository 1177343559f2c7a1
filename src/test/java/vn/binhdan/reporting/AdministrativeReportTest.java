package vn.binhdan.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import vn.binhdan.reporting.internal.AdministrativeReport;
import vn.binhdan.reporting.internal.AdministrativeReport.Cell;
import vn.binhdan.reporting.internal.AdministrativeReport.Section;
import vn.binhdan.reporting.internal.AdministrativeReport.Table;
import vn.binhdan.reporting.internal.AdministrativeReportDocx;
import vn.binhdan.reporting.internal.AdministrativeReportPdf;
import vn.binhdan.reporting.internal.ReportFormat;

/**
 * A province's quarterly report as the offices that receive it read it, in Word and as a PDF;
 * no Spring context.
 */
class AdministrativeReportTest {

    /** The communes and wards of Đắk Lắk after the 2025 reorganisation. */
    private static final List<String> COMMUNES = List.of("""
            Phường Tuy Hòa|Phường Bình Kiến|Phường Sông Cầu|Xã Xuân Lộc|Xã Xuân Cảnh|Xã Xuân Thọ|\
            Phường Xuân Đài|Xã Đồng Xuân|Xã Xuân Lãnh|Xã Phú Mỡ|Xã Xuân Phước|Xã Tuy An Bắc|\
            Xã Tuy An Đông|Xã Tuy An Tây|Xã Ô Loan|Xã Tuy An Nam|Xã Sơn Hòa|Xã Tây Sơn|Xã Vân Hòa|\
            Xã Suối Trai|Xã Sông Hinh|Xã Đức Bình|Xã Ea Bá|Xã Ea Ly|Phường Phú Yên|Xã Sơn Thành|\
            Xã Tây Hòa|Phường Đông Hòa|Phường Hòa Hiệp|Xã Hòa Thịnh|Xã Hòa Mỹ|Xã Hòa Xuân|\
            Xã Phú Hòa 2|Xã Phú Hòa 1|Phường Tân Lập|Phường Buôn Ma Thuột|Phường Thành Nhất|\
            Phường Tân An|Phường Ea Kao|Xã Hòa Phú|Xã Ea Drăng|Xã Ea H’Leo|Xã Ea Hiao|Xã Ea Wy|\
            Xã Ea Khăl|Xã Ea Súp|Xã Ia Lốp|Xã Ea Rốk|Xã Ia Rvê|Xã Ea Bung|Xã Buôn Đôn|Xã Ea Wer|\
            Xã Ea Nuôl|Xã Quảng Phú|Xã Ea Kiết|Xã Ea Tul|Xã Cư M’gar|Xã Ea M’Droh|Xã Cuôr Đăng|\
            Phường Buôn Hồ|Xã Krông Búk|Xã Cư Pơng|Xã Pơng Drang|Xã Ea Drông|Phường Cư Bao|\
            Xã Krông Năng|Xã Dliê Ya|Xã Tam Giang|Xã Phú Xuân|Xã Ea Kar|Xã Ea Knốp|Xã Ea Păl|Xã Ea Ô|\
            Xã Cư Yang|Xã M’Drắk|Xã Cư Prao|Xã Ea Riêng|Xã Cư M’ta|Xã Krông Á|Xã Ea Trang|\
            Xã Krông Bông|Xã Dang Kang|Xã Hòa Sơn|Xã Cư Pui|Xã Yang Mao|Xã Krông Pắc|Xã Ea Kly|\
            Xã Ea Phê|Xã Ea Knuếc|Xã Tân Tiến|Xã Vụ Bổn|Xã Krông Ana|Xã Ea Ning|Xã Ea Ktur|Xã Ea Na|\
            Xã Dray Bhăng|Xã Dur Kmăl|Xã Liên Sơn Lắk|Xã Đắk Liêng|Xã Đắk Phơi|Xã Krông Nô|Xã Nam Ka\
            """.strip().split("\\|"));

    private static final String DATE_LINE = "Đắk Lắk, ngày 05 tháng 02 năm 2026";
    private static final String SUMMARY =
            "Kết quả triển khai phong trào “Bình dân học vụ số” trên địa bàn tỉnh quý IV năm 2025";
    private static final List<String> HEADERS =
            List.of("STT", "Xã, phường", "Dân số từ 15 tuổi trở lên", "Đã hoàn thành", "Tỷ lệ");

    private static AdministrativeReport report;
    private static byte[] docx;
    private static byte[] pdf;

    @BeforeAll
    static void render() {
        report = quarterlyReport();
        docx = new AdministrativeReportDocx().render(report);
        pdf = new AdministrativeReportPdf().render(report);
    }

    // ---------------------------------------------------------------------------------- DOCX

    @Test
    void docxHeadingFollowsTheDecree() throws IOException {
        try (XWPFDocument doc = docx()) {
            XWPFTable heading = doc.getTables().get(0);
            XWPFTableCell bodies = heading.getRow(0).getCell(0);
            XWPFTableCell nation = heading.getRow(0).getCell(1);
            assertThat(bodies.getText()).contains("UBND TỈNH ĐẮK LẮK", "BAN CHỈ ĐẠO PHONG TRÀO");
            assertThat(runWith(bodies, "BAN CHỈ ĐẠO").isBold()).isTrue();
            assertThat(runWith(bodies, "UBND TỈNH").isBold()).isFalse();

            assertThat(runWith(nation, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").isBold()).isTrue();
            XWPFRun motto = runWith(nation, "Độc lập - Tự do - Hạnh phúc");
            assertThat(motto.isBold()).isTrue();
            assertThat(motto.getUnderline()).isEqualTo(UnderlinePatterns.SINGLE);
            assertThat(paragraphWith(nation, "CỘNG HÒA").getAlignment()).isEqualTo(ParagraphAlignment.CENTER);

            assertThat(heading.getRow(1).getCell(0).getText()).isEqualTo("Số: 12/BC-BCĐ");
            XWPFRun date = runWith(heading.getRow(1).getCell(1), "ngày");
            assertThat(date.text()).isEqualTo(DATE_LINE);
            assertThat(date.isItalic()).isTrue();

            assertThat(heading.getCTTbl().getTblPr().getTblBorders()).isNull();
        }
    }

    @Test
    void docxTitleAndBody() throws IOException {
        try (XWPFDocument doc = docx()) {
            XWPFParagraph type = doc.getParagraphs().stream()
                    .filter(p -> p.getText().equals("BÁO CÁO")).findFirst().orElseThrow();
            assertThat(type.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            assertThat(type.getRuns().get(0).isBold()).isTrue();
            XWPFParagraph summary = doc.getParagraphs().get(doc.getParagraphs().indexOf(type) + 1);
            assertThat(summary.getText()).isEqualTo(SUMMARY);
            assertThat(summary.getRuns().get(0).isBold()).isTrue();

            String text = text(doc);
            assertThat(text).contains("I. TÌNH HÌNH TRIỂN KHAI", "II. KẾT QUẢ THỰC HIỆN", "III. KHÓ KHĂN, VƯỚNG MẮC");
            XWPFParagraph body = doc.getParagraphs().stream()
                    .filter(p -> p.getText().startsWith("Thực hiện Kế hoạch")).findFirst().orElseThrow();
            assertThat(body.getAlignment()).isEqualTo(ParagraphAlignment.BOTH);
            assertThat(body.getIndentationFirstLine()).isBetween(567, 720);
        }
    }

    @Test
    void docxTableRepeatsItsHeaderAndPrintsVietnameseNumbers() throws IOException {
        try (XWPFDocument doc = docx()) {
            XWPFTable table = doc.getTables().stream()
                    .filter(t -> t.getRow(0).getCell(0).getText().equals("STT")).findFirst().orElseThrow();
            XWPFTableRow header = table.getRow(0);
            assertThat(header.isRepeatHeader()).isTrue();
            assertThat(header.getTableCells()).extracting(XWPFTableCell::getText).containsExactlyElementsOf(HEADERS);
            assertThat(table.getRows()).hasSize(COMMUNES.size() + 2);

            XWPFTableRow phuMo = rowOf(table, "Xã Phú Mỡ");
            assertThat(phuMo.getTableCells()).extracting(XWPFTableCell::getText)
                    .containsExactly("10", "Xã Phú Mỡ", "1.410", "1.234", "87,5 %");
            assertThat(phuMo.getCell(3).getParagraphs().get(0).getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
            assertThat(phuMo.getCell(4).getParagraphs().get(0).getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
            assertThat(phuMo.getCell(1).getParagraphs().get(0).getAlignment()).isEqualTo(ParagraphAlignment.LEFT);

            XWPFTableRow eaSup = rowOf(table, "Xã Ea Súp");
            assertThat(eaSup.getCell(3).getText()).isEqualTo("Không có số liệu");
            assertThat(eaSup.getCell(4).getText()).isEqualTo("Không có số liệu");

            XWPFTableRow total = table.getRow(table.getRows().size() - 1);
            assertThat(total.getCell(1).getText()).isEqualTo("Tổng cộng");
            assertThat(total.getCell(2).getText()).isEqualTo(ReportFormat.integer(totalAdults()));
            assertThat(total.getCell(2).getParagraphs().get(0).getRuns().get(0).isBold()).isTrue();
            assertThat(total.getCell(2).getText()).matches("\\d{1,3}(\\.\\d{3})+");

            assertThat(text(doc)).contains("12,5", "Bảng 1. Kết quả theo xã, phường");
        }
    }

    @Test
    void docxClosingBlock() throws IOException {
        try (XWPFDocument doc = docx()) {
            XWPFTable closing = doc.getTables().get(doc.getTables().size() - 1);
            XWPFTableCell recipients = closing.getRow(0).getCell(0);
            XWPFRun label = runWith(recipients, "Nơi nhận:");
            assertThat(label.isBold()).isTrue();
            assertThat(label.isItalic()).isTrue();
            List<String> lines = recipients.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(lines).containsExactly(
                    "Nơi nhận:",
                    "- Ban Chỉ đạo Trung ương (để báo cáo);",
                    "- Bộ Khoa học và Công nghệ (để báo cáo);",
                    "- Thường trực Tỉnh ủy (để báo cáo);",
                    "- Chủ tịch, các Phó Chủ tịch UBND tỉnh;",
                    "- Các sở, ban, ngành tỉnh;",
                    "- UBND các xã, phường;",
                    "- Lưu: VT, KGVX.");

            XWPFTableCell signer = closing.getRow(0).getCell(1);
            assertThat(signer.getParagraphs()).extracting(XWPFParagraph::getText)
                    .containsExactly("TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN", "Nguyễn Văn Thành");
            assertThat(signer.getParagraphs()).allSatisfy(p -> {
                assertThat(p.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
                assertThat(p.getRuns().get(0).isBold()).isTrue();
            });
            // room for the signature and the seal above the name
            assertThat(signer.getParagraphs().get(2).getSpacingBefore()).isGreaterThanOrEqualTo(1400);
        }
    }

    @Test
    void docxPageIsA4WithTheDecreesMarginsAndTimesNewRoman() throws IOException {
        try (XWPFDocument doc = docx()) {
            CTSectPr sect = doc.getDocument().getBody().getSectPr();
            CTPageSz size = sect.getPgSz();
            assertThat(twips(size.getW())).isEqualTo(11906);
            assertThat(twips(size.getH())).isEqualTo(16838);
            CTPageMar margins = sect.getPgMar();
            // 20-25 mm top and bottom, 30-35 mm left, 15-20 mm right
            assertThat(twips(margins.getTop())).isBetween(1134, 1417);
            assertThat(twips(margins.getBottom())).isBetween(1134, 1417);
            assertThat(twips(margins.getLeft())).isBetween(1701, 1984);
            assertThat(twips(margins.getRight())).isBetween(850, 1134);

            List<XWPFRun> runs = allRuns(doc);
            assertThat(runs).isNotEmpty().allSatisfy(run -> assertThat(run.getFontFamily()).isEqualTo("Times New Roman"));
            assertThat(runWith(doc.getParagraphs(), "Thực hiện Kế hoạch").getFontSizeAsDouble()).isBetween(13.0, 14.0);
        }
    }

    @Test
    void docxNumbersPagesFromTheSecondAtTheTop() throws IOException {
        try (XWPFDocument doc = docx()) {
            XWPFHeaderFooterPolicy policy = doc.getHeaderFooterPolicy();
            assertThat(doc.getDocument().getBody().getSectPr().isSetTitlePg()).isTrue();
            assertThat(policy.getFirstPageHeader().getText()).isBlank();
            XWPFParagraph number = policy.getDefaultHeader().getParagraphs().get(0);
            assertThat(number.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            assertThat(number.getCTP().xmlText()).contains("PAGE");
        }
    }

    @Test
    void docxTextIsNfcEvenWhenTheInputIsNot() throws IOException {
        try (XWPFDocument doc = docx()) {
            String text = text(doc);
            assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).isTrue();
            assertThat(text).contains("Bình dân học vụ số");
        }
    }

    // ----------------------------------------------------------------------------------- PDF

    @Test
    void pdfReadsLikeTheDocument() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(
                    "UBND TỈNH ĐẮK LẮK",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                    "Độc lập - Tự do - Hạnh phúc",
                    "Số: 12/BC-BCĐ",
                    DATE_LINE,
                    "BÁO CÁO",
                    "I. TÌNH HÌNH TRIỂN KHAI",
                    "Xã Phú Mỡ 1.410 1.234 87,5 %",
                    "Xã Ea Súp",
                    "Không có số liệu",
                    "Tổng cộng " + ReportFormat.integer(totalAdults()),
                    "Nơi nhận:",
                    "- Bộ Khoa học và Công nghệ (để báo cáo);",
                    "- Lưu: VT, KGVX.",
                    "TM. BAN CHỈ ĐẠO",
                    "TRƯỞNG BAN",
                    "Nguyễn Văn Thành");
            // the summary may wrap, but reads whole
            assertThat(text.replaceAll("\\s+", " ")).contains(SUMMARY);
            assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).isTrue();
            assertThat(text).doesNotContain("?");
        }
    }

    @Test
    void pdfTableRunsOverPagesWithItsHeaderOnEach() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(2);
            List<Integer> tablePages = IntStream.rangeClosed(1, doc.getNumberOfPages())
                    .filter(p -> pageText(doc, p).contains("Phường Buôn Ma Thuột")
                            || pageText(doc, p).contains("Xã Nam Ka")
                            || pageText(doc, p).contains("Xã Ea Kar"))
                    .boxed().toList();
            assertThat(tablePages).hasSizeGreaterThan(1);
            for (int p : tablePages) {
                assertThat(pageText(doc, p)).as("page %d", p).contains("STT", "Xã, phường", "Tỷ lệ");
            }
            assertThat(pageText(doc, 2)).contains("STT", "Xã, phường", "Tỷ lệ");
        }
    }

    @Test
    void pdfNumbersPagesFromTheSecond() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(firstLine(pageText(doc, 1))).startsWith("UBND TỈNH ĐẮK LẮK");
            assertThat(firstLine(pageText(doc, 2))).isEqualTo("2");
            assertThat(firstLine(pageText(doc, 3))).isEqualTo("3");
        }
    }

    @Test
    void pdfIsA4TaggedVietnameseWithEmbeddedFonts() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                assertThat(page.getMediaBox().getWidth()).isCloseTo(PDRectangle.A4.getWidth(), offset());
                assertThat(page.getMediaBox().getHeight()).isCloseTo(PDRectangle.A4.getHeight(), offset());
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).isTrue();
                }
            }
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("vi-VN");
            assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(doc.getDocumentCatalog().getStructureTreeRoot().getKids()).isNotEmpty();
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("BÁO CÁO " + SUMMARY);
        }
    }

    @Test
    void sameReportSameBytes() {
        assertThat(new AdministrativeReportPdf().render(report)).isEqualTo(pdf);
    }

    // ------------------------------------------------------------------------------ formats

    @Test
    void datesFollowDecree30() {
        assertThat(ReportFormat.placeAndDate("Đắk Lắk", LocalDate.of(2026, 12, 5)))
                .isEqualTo("Đắk Lắk, ngày 05 tháng 12 năm 2026");
        assertThat(ReportFormat.placeAndDate("Đắk Lắk", LocalDate.of(2026, 2, 5)))
                .isEqualTo("Đắk Lắk, ngày 05 tháng 02 năm 2026");
        assertThat(ReportFormat.placeAndDate("Đắk Lắk", LocalDate.of(2026, 1, 1)))
                .isEqualTo("Đắk Lắk, ngày 01 tháng 01 năm 2026");
        // only January and February take a zero
        assertThat(ReportFormat.placeAndDate("Đắk Lắk", LocalDate.of(2026, 3, 15)))
                .isEqualTo("Đắk Lắk, ngày 15 tháng 3 năm 2026");
    }

    @Test
    void numbersReadTheVietnameseWay() {
        assertThat(ReportFormat.integer(0)).isEqualTo("0");
        assertThat(ReportFormat.integer(999)).isEqualTo("999");
        assertThat(ReportFormat.integer(1_234)).isEqualTo("1.234");
        assertThat(ReportFormat.integer(1_234_567)).isEqualTo("1.234.567");
        assertThat(ReportFormat.integer(-1_234)).isEqualTo("-1.234");
        assertThat(ReportFormat.decimal(new BigDecimal("1234.56"), 1)).isEqualTo("1.234,6");
        assertThat(ReportFormat.percent(new BigDecimal("87.5"), 1)).isEqualTo("87,5 %");
        assertThat(ReportFormat.percent(new BigDecimal("99.95"), 1)).isEqualTo("100,0 %");
        assertThat(ReportFormat.cell(Cell.missing())).isEqualTo("Không có số liệu");
    }

    // ---------------------------------------------------------------------------- the report

    private static AdministrativeReport quarterlyReport() {
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < COMMUNES.size(); i++) {
            String commune = COMMUNES.get(i);
            long adults = adults(i);
            Long done = completed(i);
            rows.add(List.of(
                    Cell.integer(i + 1),
                    Cell.text(commune),
                    Cell.integer(adults),
                    done == null ? Cell.missing() : Cell.integer(done),
                    done == null ? Cell.missing() : Cell.percent(percent(done, adults), 1)));
        }
        long reportedAdults = IntStream.range(0, COMMUNES.size()).filter(i -> completed(i) != null)
                .mapToLong(AdministrativeReportTest::adults).sum();
        long totalDone = IntStream.range(0, COMMUNES.size()).filter(i -> completed(i) != null)
                .mapToLong(i -> completed(i)).sum();
        rows.add(Cell.totalRow(Cell.text(""), Cell.text("Tổng cộng"), Cell.integer(totalAdults()),
                Cell.integer(totalDone), Cell.percent(percent(totalDone, reportedAdults), 1)));

        Table communes = new Table("Bảng 1. Kết quả theo xã, phường", HEADERS, rows);
        Table groups = new Table("Bảng 2. Kết quả theo nhóm đối tượng",
                List.of("Nhóm đối tượng", "Đã hoàn thành", "Số giờ học bình quân"),
                List.of(
                        List.of(Cell.text("Cán bộ, công chức, viên chức"), Cell.integer(48_210),
                                Cell.decimal(new BigDecimal("12.5"), 1)),
                        List.of(Cell.text("Học sinh, sinh viên"), Cell.integer(151_876),
                                Cell.decimal(new BigDecimal("9.25"), 1)),
                        List.of(Cell.text("Người lao động trong doanh nghiệp"), Cell.integer(62_004),
                                Cell.missing()),
                        List.of(Cell.text("Người dân từ 15 tuổi trở lên"), Cell.integer(311_958),
                                Cell.decimal(new BigDecimal("7.8"), 1))));

        return new AdministrativeReport(
                "UBND TỈNH ĐẮK LẮK",
                "Ban Chỉ đạo phong trào Bình dân học vụ số",
                "12/BC-BCĐ",
                "Đắk Lắk",
                LocalDate.of(2026, 2, 5),
                "Báo cáo",
                // deliberately decomposed (NFD), as text pasted from some editors arrives
                Normalizer.normalize(SUMMARY, Normalizer.Form.NFD),
                List.of(
                        new Section("Tình hình triển khai", List.of(
                                "Thực hiện Kế hoạch số 01/KH-BCĐTW của Ban Chỉ đạo Trung ương về phong trào "
                                        + "“Bình dân học vụ số”, Ủy ban nhân dân tỉnh đã ban hành kế hoạch triển "
                                        + "khai trên địa bàn tỉnh, giao chỉ tiêu cho từng xã, phường và chỉ đạo "
                                        + "các tổ công nghệ số cộng đồng hướng dẫn người dân học kỹ năng số cơ bản.",
                                Normalizer.normalize("Các sở, ban, ngành và Ủy ban nhân dân các xã, phường đã "
                                        + "tổ chức tuyên truyền, mở các lớp học trực tiếp tại nhà văn hóa thôn, "
                                        + "buôn, tổ dân phố và hướng dẫn học trực tuyến trên nền tảng.",
                                        Normalizer.Form.NFD)),
                                List.of()),
                        new Section("Kết quả thực hiện", List.of(
                                "Đến hết quý IV năm 2025, toàn tỉnh có " + ReportFormat.integer(totalDone)
                                        + " người hoàn thành khóa học kỹ năng số cơ bản; kết quả theo từng xã, "
                                        + "phường và theo nhóm đối tượng như sau:"),
                                List.of(communes, groups)),
                        new Section("Khó khăn, vướng mắc", List.of(
                                "Một số xã vùng sâu, vùng xa chưa có đủ thiết bị và đường truyền; xã Ea Súp "
                                        + "chưa gửi số liệu trong kỳ báo cáo."),
                                List.of()),
                        new Section("Nhiệm vụ trọng tâm quý I năm 2026", List.of(
                                "Tiếp tục mở rộng các lớp học tại cộng đồng, ưu tiên người cao tuổi và đồng bào "
                                        + "dân tộc thiểu số; hoàn thành việc cập nhật số liệu của các xã còn thiếu."),
                                List.of())),
                List.of("Ban Chỉ đạo Trung ương (để báo cáo)",
                        "Bộ Khoa học và Công nghệ (để báo cáo);",
                        "- Thường trực Tỉnh ủy (để báo cáo)",
                        "Chủ tịch, các Phó Chủ tịch UBND tỉnh",
                        "Các sở, ban, ngành tỉnh",
                        "UBND các xã, phường",
                        "Lưu: VT, KGVX"),
                "TM. Ban Chỉ đạo",
                "Trưởng ban",
                "Nguyễn Văn Thành");
    }

    private static long adults(int i) {
        return COMMUNES.get(i).equals("Xã Phú Mỡ") ? 1_410 : 3_000 + (i * 7_919L) % 22_000;
    }

    private static Long completed(int i) {
        return switch (COMMUNES.get(i)) {
            case "Xã Phú Mỡ" -> 1_234L;
            case "Xã Ea Súp" -> null;
            default -> adults(i) * (62 + (i * 13) % 36) / 100;
        };
    }

    private static long totalAdults() {
        return IntStream.range(0, COMMUNES.size()).mapToLong(AdministrativeReportTest::adults).sum();
    }

    private static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    // ------------------------------------------------------------------------------ reading

    private static XWPFDocument docx() throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(docx));
    }

    private static String text(XWPFDocument doc) throws IOException {
        try (XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            return extractor.getText();
        }
    }

    private static XWPFRun runWith(XWPFTableCell cell, String text) {
        return runWith(cell.getParagraphs(), text);
    }

    private static XWPFRun runWith(List<XWPFParagraph> paragraphs, String text) {
        return paragraphs.stream().flatMap(p -> p.getRuns().stream())
                .filter(r -> r.text().contains(text)).findFirst().orElseThrow(() -> new AssertionError(text));
    }

    private static XWPFParagraph paragraphWith(XWPFTableCell cell, String text) {
        return cell.getParagraphs().stream().filter(p -> p.getText().contains(text)).findFirst().orElseThrow();
    }

    private static XWPFTableRow rowOf(XWPFTable table, String commune) {
        return table.getRows().stream().filter(r -> r.getCell(1).getText().equals(commune)).findFirst().orElseThrow();
    }

    private static List<XWPFRun> allRuns(XWPFDocument doc) {
        List<XWPFRun> runs = new ArrayList<>();
        doc.getParagraphs().forEach(p -> runs.addAll(p.getRuns()));
        for (XWPFTable table : doc.getTables()) {
            for (XWPFTableRow row : table.getRows()) {
                for (XWPFTableCell cell : row.getTableCells()) {
                    cell.getParagraphs().forEach(p -> runs.addAll(p.getRuns()));
                }
            }
        }
        return runs.stream().filter(r -> !r.text().isBlank()).toList();
    }

    private static int twips(Object value) {
        return ((BigInteger) value).intValueExact();
    }

    private static String pageText(PDDocument doc, int page) {
        try {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            stripper.setSortByPosition(true);
            return stripper.getText(doc);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("").strip();
    }

    private static org.assertj.core.data.Offset<Float> offset() {
        return org.assertj.core.data.Offset.offset(0.5f);
    }
}
