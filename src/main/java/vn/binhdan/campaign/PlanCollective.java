package vn.binhdan.campaign;

/**
 * Names in a task table that stand for many units at once. They are kept as such rather than
 * expanded into one link per commune, so a plan stays as written and new communes are included.
 */
public enum PlanCollective {
    /** "UBND các xã, phường", "UBND cấp xã": every commune, ward and special zone under the issuer */
    COMMUNES,
    /** "Các sở, ban, ngành": every department under the issuer */
    DEPARTMENTS,
    /** "Các cơ quan, đơn vị liên quan": nobody in particular; shown, grants no access */
    RELATED
}
