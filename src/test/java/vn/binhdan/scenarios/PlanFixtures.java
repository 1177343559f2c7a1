package vn.binhdan.scenarios;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.binhdan.support.Http;

/**
 * Task tables laid out as the provinces issue them, built here so the tests do not depend on
 * files outside the project. The rows are typed from the seed plans (Đắk Lắk 2026, Khánh Hòa
 * and Thái Nguyên appendices), with the World's unit names where the seeds name a unit the
 * World has.
 */
final class PlanFixtures {

    /** Tasks in {@link #seedTable()}, and those the officer of Phường Buôn Ma Thuột sees before any hand linking. */
    static final int TASKS = 13;
    static final int SECTIONS = 4;
    static final String VNEID_TASK = "Hướng dẫn cài đặt, kích hoạt tài khoản định danh điện tử mức độ 2 (VNeID) cho người dân";
    static final String WARD_CLASSES = "Tổ chức Lớp học “Bình dân học vụ số” cho các Tổ Công nghệ số cộng đồng";
    static final String LAUNCH = "Tổ chức Lễ phát động Phong trào “Bình dân học vụ số” năm 2026, kết nối trực tuyến đến 102 điểm cầu xã, phường";
    static final String FRAMEWORK = "Triển khai Khung kỹ năng số kèm theo hướng dẫn đánh giá, xác nhận đạt trình độ phổ cập kỹ năng số cho bốn nhóm đối tượng";
    static final String PUPILS = "Trang bị kiến thức, kỹ năng số cho học sinh từ cấp tiểu học; tích hợp giáo dục kỹ năng số trong chương trình giáo dục";
    static final String REPORT = "Báo cáo tình hình, kết quả triển khai thực hiện về UBND tỉnh (qua Sở Khoa học và Công nghệ)";

    private PlanFixtures() {
    }

    /**
     * The appendix: a title over the table, a header row, a row of column numbers, Roman-numeral
     * sections (one merged along its row), a lead cell merged over three tasks, blank rows, and
     * a deadline typed as an Excel date.
     */
    static byte[] seedTable() {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Phụ lục");
            row(sheet, 0, "PHỤ LỤC");
            row(sheet, 1, "DANH MỤC NHIỆM VỤ, GIẢI PHÁP TRIỂN KHAI PHONG TRÀO “BÌNH DÂN HỌC VỤ SỐ” NĂM 2026");
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, 4));
            row(sheet, 2, "(Kèm theo Kế hoạch số 125/KH-UBND ngày 02/3/2026 của UBND tỉnh Đắk Lắk)");
            row(sheet, 4, "STT", "NHIỆM VỤ, GIẢI PHÁP", "CƠ QUAN CHỦ TRÌ", "CƠ QUAN PHỐI HỢP", "THỜI GIAN THỰC HIỆN");
            row(sheet, 5, "(1)", "(2)", "(3)", "(4)", "(5)");
            row(sheet, 6, "I", "TRUYỀN THÔNG VÀ TUYÊN TRUYỀN");
            sheet.addMergedRegion(new CellRangeAddress(6, 6, 1, 4));
            row(sheet, 7, "1", "Tuyên truyền sâu, rộng Phong trào “Bình dân học vụ số” trên các phương tiện thông tin đại chúng, "
                            + "hệ thống truyền thanh - truyền hình cơ sở, các nền tảng số",
                    "Sở Văn hóa, Thể thao và Du lịch",
                    "Các sở, ban, ngành;\nUBND các xã, phường;\nBáo và Phát thanh, Truyền hình Đắk Lắk", "Thường xuyên");
            row(sheet, 8, "2", LAUNCH, "Sở Khoa học và Công nghệ", "UBND các xã, phường", "Trong tháng 03/2026");
            row(sheet, 9, "3", "Xây dựng tài liệu điện tử hướng dẫn người dân sử dụng Dịch vụ công và nền tảng Bình dân học vụ số",
                    null, "Các sở, ban, ngành; UBND các xã, phường; Các doanh nghiệp bưu chính, viễn thông trên địa bàn tỉnh",
                    "Hoàn thành trước ngày 30/4/2026 và thường xuyên cập nhật");
            row(sheet, 10, "4", "Tổ chức cuộc thi online “Tìm hiểu về Chuyển đổi số tỉnh Đắk Lắk năm 2026”", null,
                    "Các sở, ban, ngành, UBND các xã, phường", "Tháng 08/2026");
            // the lead of tasks 2–4 is one merged cell, as in the appendix
            sheet.addMergedRegion(new CellRangeAddress(8, 10, 2, 2));
            row(sheet, 12, "II", "NÂNG CAO NĂNG LỰC SỐ CHO NGƯỜI DÂN TRONG ĐỘ TUỔI TRƯỞNG THÀNH");
            row(sheet, 13, "5", WARD_CLASSES, "UBND phường Buôn Ma Thuột", "Công an tỉnh", "Trước ngày 30/6/2026");
            row(sheet, 14, "6", VNEID_TASK, "Công an tỉnh", "UBND xã Hòa Phú", "Quý II/2026");
            row(sheet, 15, "7", "Xác nhận phổ cập chuyển đổi số trên nền tảng VNeID cho người dân", "Công an tỉnh",
                    "Sở Khoa học và Công nghệ", "Năm 2026");
            row(sheet, 17, "III", "PHÁT TRIỂN KỸ NĂNG SỐ CHO HỌC SINH, SINH VIÊN VÀ NGƯỜI LAO ĐỘNG");
            row(sheet, 18, "8", PUPILS, "Sở Giáo dục và Đào tạo", "Trường Trung học cơ sở Phan Chu Trinh", "2025–2026");
            row(sheet, 19, "9", "Phổ cập kỹ năng số cho người lao động trong các doanh nghiệp, hợp tác xã, liên hiệp hợp tác xã",
                    "Sở Công Thương", "Hợp tác xã Cà phê Hòa Phú", "Quý III/2026");
            row(sheet, 20, "IV", "TỔ CHỨC THỰC HIỆN");
            row(sheet, 21, "10", "Tổ chức “Ngày hội toàn dân học tập số” tại các xã, phường",
                    "Sở KH&CN; các sở, ban, ngành; UBND các xã, phường", "Báo và Phát thanh, Truyền hình Đắk Lắk",
                    "Từ ngày 05/10/2026 đến ngày 10/10/2026");
            row(sheet, 22, "11", "Tổng kết thực hiện Phong trào thi đua “Bình dân học vụ số” năm 2026",
                    "UBND các xã, phường", "Sở Khoa học và Công nghệ", "Trước ngày 31/12/2026");
            Row report = row(sheet, 23, "12", REPORT, "Các sở, ban, ngành; UBND các xã, phường", null, null);
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            report.createCell(4).setCellValue(LocalDate.of(2026, 12, 10));
            report.getCell(4).setCellStyle(date);
            row(sheet, 24, "13", FRAMEWORK, "Sở Khoa học và Công nghệ", "Các sở, ban, ngành; UBND các xã, phường",
                    "Hoàn thành trong Quý III/2025");
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A list of units with notes, but no column of tasks. */
    static byte[] noTaskColumn() {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet();
            row(sheet, 0, "STT", "Đơn vị", "Ghi chú");
            row(sheet, 1, "1", "Sở Khoa học và Công nghệ", "Đầu mối");
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV with two wrong rows among right ones: nothing of it may be applied. */
    static byte[] tableWithErrors() {
        return ("Stt;Nội dung;Chủ trì;Phối hợp;Thời gian\n"
                + "1;Tổ chức lớp học cho người cao tuổi;UBND phường Buôn Ma Thuột;;Quý II/2026\n"
                + "2;Hướng dẫn thanh toán không dùng tiền mặt;UBND phường Buôn Ma Thuột;;sớm nhất có thể\n"
                + "3;;UBND phường Buôn Ma Thuột;;2026\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Creates a province plan through the API and imports the seed table; returns the plan's id. */
    static long provincePlan(Http http, String adminToken, long provinceId, String title) {
        Http.Response created = http.post("/api/v1/plans", adminToken, Map.of("number", "125/KH-UBND", "title", title,
                "issuerUnitId", provinceId, "issuedOn", "2026-03-02", "fromYear", 2026, "toYear", 2026));
        if (created.status() != 201) {
            throw new AssertionError(created.status() + " " + created.body());
        }
        long id = created.json().get("id").asLong();
        Http.Response imported = http.upload("/api/v1/plans/" + id + "/tasks/import", adminToken, Map.of(),
                "phu-luc.xlsx", seedTable());
        if (imported.status() != 200 || !imported.json().get("applied").asBoolean()) {
            throw new AssertionError(imported.status() + " " + imported.body());
        }
        return id;
    }

    private static Row row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                row.createCell(i).setCellValue(values[i]);
            }
        }
        return row;
    }

    static List<String> texts(tools.jackson.databind.JsonNode array, String field) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asString()));
        return out;
    }
}
