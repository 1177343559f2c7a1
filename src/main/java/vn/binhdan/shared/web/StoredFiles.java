package vn.binhdan.shared.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;
import vn.binhdan.shared.BusinessException;

/** Files people upload as evidence and download again, the same way in every module. */
public final class StoredFiles {

    private StoredFiles() {
    }

    /** The upload's bytes, refused with the caller's message when empty or larger than {@code max}. */
    public static byte[] bytes(MultipartFile file, long max, String emptyKey, String tooLargeKey) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new BusinessException(emptyKey);
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
    public static ResponseEntity<byte[]> attachment(String fileName, String mediaType, byte[] content) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(mediaType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(content);
    }
}
