package vn.binhdan.importing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.binhdan.importing.ImportJob;
import vn.binhdan.importing.ImportService;
import vn.binhdan.importing.ImportUpload;

@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Nhập dữ liệu")
class ImportApi {

    private final ImportService imports;

    ImportApi(ImportService imports) {
        this.imports = imports;
    }

    @Operation(summary = "Tải tệp CSV/XLSX lên: trả về tiêu đề cột, vài dòng xem trước và cách ghép cột đề xuất")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ImportUpload upload(@RequestParam String kind, @RequestParam("file") MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return imports.upload(kind, file.getOriginalFilename(), in);
        }
    }

    @Operation(summary = "Bắt đầu nhập với cách ghép cột (trường → số thứ tự cột, từ 0); gọi lại nhiều lần vẫn chỉ chạy một lần")
    @PostMapping("/{id}/start")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ImportJob start(@PathVariable String id, @RequestBody(required = false) Map<String, Integer> mapping) {
        return imports.start(id, mapping);
    }

    @Operation(summary = "Hủy một lần nhập chưa bắt đầu: tệp tải lên bị xóa ngay")
    @DeleteMapping("/{id}")
    ImportJob cancel(@PathVariable String id) {
        return imports.cancel(id);
    }

    @GetMapping("/{id}")
    ImportJob status(@PathVariable String id) {
        return imports.job(id);
    }

    @GetMapping
    List<ImportJob> mine() {
        return imports.myJobs();
    }

    @Operation(summary = "Báo cáo lỗi theo dòng (XLSX, có cột Lỗi)")
    @GetMapping("/{id}/errors.xlsx")
    void errors(@PathVariable String id, HttpServletResponse res) throws IOException {
        ImportReportDownload.send(imports, id, res);
    }
}
