package vn.binhdan.community;

/** A stored evidence file for download. */
public record EvidenceFile(String fileName, String mediaType, byte[] content) {
}
