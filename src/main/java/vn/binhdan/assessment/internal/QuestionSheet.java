package vn.binhdan.assessment.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import vn.binhdan.assessment.Question;
import vn.binhdan.assessment.QuestionType;

/**
 * The bank as the sheet teachers edit: the same columns the import reads, so an exported file
 * can be corrected in Excel and imported back; usage statistics ride along for the author.
 */
public final class QuestionSheet {

    static final List<String> HEADER = List.of("Mã câu hỏi", "Năng lực", "Nhóm đối tượng", "Loại câu hỏi", "Độ khó",
            "Câu hỏi", "Lựa chọn A", "Lựa chọn B", "Lựa chọn C", "Lựa chọn D", "Lựa chọn E", "Lựa chọn F", "Đáp án",
            "Giải thích", "Số lần dùng", "Tỉ lệ trả lời đúng");

    private QuestionSheet() {
    }

    public static void write(List<Question> questions, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet("Câu hỏi");
            Row head = sheet.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                head.createCell(i).setCellValue(HEADER.get(i));
            }
            int r = 1;
            for (Question q : questions) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(q.code());
                row.createCell(1).setCellValue(q.competency());
                row.createCell(2).setCellValue(q.targetGroups().stream().sorted().map(Enum::name)
                        .collect(Collectors.joining(", ")));
                row.createCell(3).setCellValue(typeLabel(q.type()));
                row.createCell(4).setCellValue(q.difficulty());
                row.createCell(5).setCellValue(q.prompt());
                if (q.type() != QuestionType.TRUE_FALSE) {
                    for (int o = 0; o < q.options().size() && o < 6; o++) {
                        row.createCell(6 + o).setCellValue(q.options().get(o));
                    }
                }
                row.createCell(12).setCellValue(answer(q));
                if (q.explanation() != null) {
                    row.createCell(13).setCellValue(q.explanation());
                }
                row.createCell(14).setCellValue(q.timesUsed());
                if (q.correctRate() != null) {
                    row.createCell(15).setCellValue(String.format(Locale.ROOT, "%.0f%%", q.correctRate() * 100));
                }
            }
            wb.write(out);
            wb.dispose();
        }
    }

    static String typeLabel(QuestionType type) {
        return switch (type) {
            case SINGLE -> "một lựa chọn";
            case MULTIPLE -> "nhiều lựa chọn";
            case TRUE_FALSE -> "đúng/sai";
            case ORDERING -> "sắp xếp";
            case PICK_SAFE -> "chọn hình an toàn";
        };
    }

    static String answer(Question q) {
        if (q.type() == QuestionType.TRUE_FALSE) {
            return q.answer().getFirst() == 0 ? "Đúng" : "Sai";
        }
        return q.answer().stream().map(i -> String.valueOf((char) ('A' + i))).collect(Collectors.joining(", "));
    }
}
