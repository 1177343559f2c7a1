package vn.binhdan.privacy;

public enum CorrectionStatus {
    OPEN, DONE, REFUSED
}
