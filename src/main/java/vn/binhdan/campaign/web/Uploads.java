package vn.binhdan.campaign.web;

import java.io.IOException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;
import vn.binhdan.campaign.PlanEvidenceFile;
import vn.binhdan.shared.BusinessException;

/** Upload and download details shared by the API and the pages. */
final class Uploads {

    private Uploads() {
    }

    /** The file's bytes, refusing a file over the limit before reading it into memory. */
    static byte[] bytes(MultipartFile file, int max, String tooLargeKey) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new BusinessException("import.error.emptyFile");
        }
        if (file.getSize() > max) {
            throw new BusinessException(tooLargeKey, max / (1024 * 1024));
        }
        return file.getBytes();
    }

    /**
     * Always an attachment, with the type read from the file's bytes at upload: a stored file
     * is never rendered by the browser as a page of this site.
     */
    static ResponseEntity<byte[]> download(PlanEvidenceFile file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file.content());
    }
}
