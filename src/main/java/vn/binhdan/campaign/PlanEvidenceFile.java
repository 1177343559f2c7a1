package vn.binhdan.campaign;

/** An evidence file to download. */
public record PlanEvidenceFile(String fileName, String mediaType, byte[] content) {
}
