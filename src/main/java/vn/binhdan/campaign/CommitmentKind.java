package vn.binhdan.campaign;

/**
 * What a partner commits: classes run, volunteers lent, devices given or lent, data packages,
 * contest prizes, or money (the last counted in whole đồng, the others in units).
 */
public enum CommitmentKind {
    CLASSES, VOLUNTEERS, DEVICES, DATA_PACKAGES, PRIZES, MONEY
}
