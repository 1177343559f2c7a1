package vn.binhdan.campaign.web;

import java.io.IOException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;
import vn.binhdan.campaign.PlanEvidenceFile;
import vn.binhdan.shared.web.StoredFiles;

/** Upload and download details shared by the API and the pages. */
final class Uploads {

    private Uploads() {
    }

    /** The file's bytes, refusing a file over the limit before reading it into memory. */
    static byte[] bytes(MultipartFile file, int max, String tooLargeKey) throws IOException {
        return StoredFiles.bytes(file, max, "import.error.emptyFile", tooLargeKey);
    }

    static ResponseEntity<byte[]> download(PlanEvidenceFile file) {
        return StoredFiles.attachment(file.fileName(), file.mediaType(), file.content());
    }
}
