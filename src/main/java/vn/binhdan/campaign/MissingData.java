package vn.binhdan.campaign;

/**
 * How the emulation table scores a criterion for which a unit has no data (nothing reported, a
 * group nobody belongs to). Stored with the criteria and stated beside the table.
 */
public enum MissingData {
    /** The criterion drops out of that unit's weights: it is scored on what it has. */
    EXCLUDE,
    /** The criterion counts as 0 with its full weight: no data never helps a unit. */
    ZERO
}
