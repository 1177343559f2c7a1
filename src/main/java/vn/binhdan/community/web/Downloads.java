package vn.binhdan.community.web;

import java.io.IOException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;
import vn.binhdan.community.EvidenceFile;
import vn.binhdan.community.Recognition;
import vn.binhdan.shared.web.StoredFiles;

/** Upload and download details shared by the API and the pages. */
final class Downloads {

    private Downloads() {
    }

    /** The file's bytes, refusing one over the limit before reading it into memory. */
    static byte[] bytes(MultipartFile file) throws IOException {
        return StoredFiles.bytes(file, Recognition.MAX_FILE_BYTES, "recognition.emptyFile", "recognition.fileTooLarge");
    }

    static ResponseEntity<byte[]> download(EvidenceFile file) {
        return StoredFiles.attachment(file.fileName(), file.mediaType(), file.content());
    }
}
