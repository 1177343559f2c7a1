package vn.binhdan.community.web;

import java.io.IOException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;
import vn.binhdan.community.EvidenceFile;
import vn.binhdan.community.Recognition;
import vn.binhdan.shared.BusinessException;

/** Upload and download details shared by the API and the pages. */
final class Downloads {

    private Downloads() {
    }

    /** The file's bytes, refusing one over the limit before reading it into memory. */
    static byte[] bytes(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new BusinessException("recognition.emptyFile");
        }
        if (file.getSize() > Recognition.MAX_FILE_BYTES) {
            throw new BusinessException("recognition.fileTooLarge", Recognition.MAX_FILE_BYTES / (1024 * 1024));
        }
        return file.getBytes();
    }

    /** Always an attachment with the type read at upload: a stored file never renders as a page of this site. */
    static ResponseEntity<byte[]> download(EvidenceFile file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file.content());
    }
}
